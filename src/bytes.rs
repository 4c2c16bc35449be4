//! Byte scans the compiler vectorises: the readers' first look at a line
//! or a file, before any character is decoded. Each takes a predicate that
//! must be branch-free (`&` and `|`, not `&&` and `||`) to vectorise.

/// How many bytes of `bytes` satisfy `pred`.
pub(crate) fn count(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    // counts in u8 lanes, in chunks too short to overflow one
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(pred(b)))))
        .sum()
}

/// Whether any byte of `bytes` satisfies `pred`.
pub(crate) fn any(bytes: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    // a whole chunk at a time: no early exit inside, one between chunks;
    // chunks of a length known at compile time are tested without a loop
    let mut chunks = bytes.chunks_exact(64);
    chunks
        .by_ref()
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | pred(b)))
        || chunks.remainder().iter().any(|&b| pred(b))
}

/// The bitwise or of `f` over the three bytes starting at every byte of
/// `bytes`, the bytes past the end read as `pad`: several predicates
/// answered in one pass, one bit each.
pub(crate) fn fold3(bytes: &[u8], pad: u8, f: impl Fn(u8, u8, u8) -> u8) -> u8 {
    let n = bytes.len();
    let whole = if n >= 3 {
        bytes[..n - 2]
            .iter()
            .zip(&bytes[1..n - 1])
            .zip(&bytes[2..])
            .fold(0, |bits, ((&a, &b), &c)| bits | f(a, b, c))
    } else {
        0
    };
    let at = |i: usize| bytes.get(i).copied().unwrap_or(pad);
    (n.saturating_sub(2)..n).fold(whole, |bits, i| bits | f(at(i), at(i + 1), at(i + 2)))
}

/// The chunk [`each`] passes over whole when no byte of it is wanted.
pub(crate) const CHUNK: usize = 32;

/// Calls `found` with the index of every byte of `bytes` that satisfies
/// `pred`, in order; chunks of [`CHUNK`] bytes without one are passed over
/// whole, with one vectorised test. For frequent bytes (line ends, JSON
/// escapes) this is faster than a `memchr` call per hit.
#[inline]
pub(crate) fn each(bytes: &[u8], pred: impl Fn(u8) -> bool, mut found: impl FnMut(usize)) {
    // chunks of a length known at compile time: the test has no loop
    let mut chunks = bytes.chunks_exact(CHUNK);
    for (c, chunk) in chunks.by_ref().enumerate() {
        if chunk.iter().fold(false, |any, &b| any | pred(b)) {
            for (i, &b) in chunk.iter().enumerate() {
                if pred(b) {
                    found(c * CHUNK + i);
                }
            }
        }
    }
    let rest = chunks.remainder();
    let base = bytes.len() - rest.len();
    for (i, &b) in rest.iter().enumerate() {
        if pred(b) {
            found(base + i);
        }
    }
}

/// ASCII letters, branch-free.
pub(crate) fn is_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

#[cfg(test)]
mod tests {
    use proptest::{prop_assert_eq, proptest};

    proptest! {
        #[test]
        fn scans_agree_with_iterators(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)
        ) {
            prop_assert_eq!(
                super::count(&bytes, super::is_letter),
                bytes.iter().filter(|b| b.is_ascii_alphabetic()).count()
            );
            prop_assert_eq!(
                super::any(&bytes, |b| b == b'.'),
                bytes.contains(&b'.')
            );
            let mut dots = Vec::new();
            super::each(&bytes, |b| b == b'.', |i| dots.push(i));
            prop_assert_eq!(
                dots,
                bytes.iter().enumerate().filter(|(_, b)| **b == b'.').map(|(i, _)| i).collect::<Vec<_>>()
            );
            let padded = [bytes.as_slice(), b"__"].concat();
            prop_assert_eq!(
                super::fold3(&bytes, b'_', |a, b, c| {
                    u8::from((a == b'a') & (b == b'b') & (c == b'c'))
                        | u8::from((a == b'a') & (b == b'_')) << 1
                        | u8::from(c == b'_') << 2
                }),
                u8::from(padded.windows(3).any(|w| w == b"abc"))
                    | u8::from(padded.windows(3).any(|w| w[0] == b'a' && w[1] == b'_')) << 1
                    | u8::from(padded.windows(3).any(|w| w[2] == b'_')) << 2
            );
        }
    }
}
