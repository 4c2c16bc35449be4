//! Byte scans the compiler vectorises: the readers' first look at a line
//! or a file, before any character is decoded. Each takes a predicate that
//! must be branch-free (`&` and `|`, not `&&` and `||`) to vectorise.

/// Calls `f` with blocks of `M` bytes of `bytes`, starting every `N`
/// bytes (so that blocks overlap by `M - N` bytes, for windows of
/// `M - N + 1` bytes), until every byte has been among the first `N` of a
/// block; with each block, how many of its first `N` bytes are the input's.
/// The last blocks (one or two) are copies, read past the end as `pad`.
/// `f` returns whether to go on.
///
/// Every block has a length known at compile time, so that the compiler
/// vectorises what `f` does with it without a loop for the rest: lines are
/// a few hundred bytes, and a remainder taken a byte at a time would cost
/// as much as the vectorised part.
#[inline]
pub(crate) fn blocks<const N: usize, const M: usize>(
    bytes: &[u8],
    pad: u8,
    mut f: impl FnMut(&[u8; M], usize) -> bool,
) {
    const { assert!(N > 0 && M >= N) };
    let mut rest = bytes;
    while let Some((block, _)) = rest.split_first_chunk::<M>() {
        if !f(block, N) {
            return;
        }
        rest = &rest[N..];
    }
    // fewer than M bytes left, which may start more than N windows
    while !rest.is_empty() {
        let mut last = [pad; M];
        let len = rest.len().min(M);
        last[..len].copy_from_slice(&rest[..len]);
        let starts = rest.len().min(N);
        if !f(&last, starts) {
            return;
        }
        rest = &rest[starts..];
    }
}

/// How many bytes of `bytes` satisfy `pred`, and whether every byte is
/// ASCII: one pass for both.
pub(crate) fn count_and_ascii(bytes: &[u8], pred: impl Fn(u8) -> bool) -> (usize, bool) {
    // counts in u8 lanes: a block is too short to overflow one
    let (mut n, mut high) = (0, 0);
    blocks::<64, 64>(bytes, 0, |block, len| {
        let (hits, bits) = block[..len].iter().fold((0u8, 0u8), |(n, bits), &b| {
            (n + u8::from(pred(b)), bits | b)
        });
        n += usize::from(hits);
        high |= bits;
        true
    });
    (n, high < 0x80)
}

/// Whether any byte of `bytes` satisfies `pred`.
pub(crate) fn any(bytes: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    // a whole block at a time: no early exit inside, one between blocks
    let mut found = false;
    blocks::<64, 64>(bytes, 0, |block, len| {
        found = holds_any(block, len, &pred);
        !found
    });
    found
}

/// Whether any of the first `len` bytes of `block` satisfies `pred`: a
/// whole block with one vectorised test, the input's last, partial one a
/// byte at a time (its padding may satisfy `pred`).
#[inline(always)]
fn holds_any<const N: usize>(block: &[u8; N], len: usize, pred: &impl Fn(u8) -> bool) -> bool {
    if len == N {
        block.iter().fold(false, |any, &b| any | pred(b))
    } else {
        block[..len].iter().any(|&b| pred(b))
    }
}

/// The bitwise or of `f` over the three bytes starting at every byte of
/// `bytes`, the bytes past the end read as `pad`: several predicates
/// answered in one pass, one bit each. `f` must give 0 for a window that
/// starts with `pad`.
pub(crate) fn fold3(bytes: &[u8], pad: u8, f: impl Fn(u8, u8, u8) -> u8) -> u8 {
    // one lane of bits a window position, or-ed together once at the end
    // rather than after every block
    let mut lanes = [0u8; 32];
    blocks::<32, 34>(bytes, pad, |b, _| {
        for (lane, ((&a, &b), &c)) in lanes.iter_mut().zip(b.iter().zip(&b[1..]).zip(&b[2..])) {
            *lane |= f(a, b, c);
        }
        true
    });
    lanes.iter().fold(0, |bits, &lane| bits | lane)
}

/// The chunk [`each`] passes over whole when no byte of it is wanted.
pub(crate) const CHUNK: usize = 32;

/// Calls `found` with the index of every byte of `bytes` that satisfies
/// `pred`, in order; chunks of [`CHUNK`] bytes without one are passed over
/// whole, with one vectorised test, the last one padded with `pad`, a byte
/// `pred` rejects. For frequent bytes (line ends, JSON escapes) this is
/// faster than a `memchr` call per hit.
#[inline]
pub(crate) fn each(bytes: &[u8], pad: u8, pred: impl Fn(u8) -> bool, mut found: impl FnMut(usize)) {
    debug_assert!(!pred(pad));
    let (chunks, rest) = bytes.as_chunks::<CHUNK>();
    for (c, chunk) in chunks.iter().enumerate() {
        each_in(chunk, c * CHUNK, &pred, &mut found);
    }
    if !rest.is_empty() {
        let mut last = [pad; CHUNK];
        last[..rest.len()].copy_from_slice(rest);
        each_in(&last, bytes.len() - rest.len(), &pred, &mut found);
    }
}

/// [`each`] on one chunk, which starts at `base`.
#[inline(always)]
fn each_in(
    chunk: &[u8; CHUNK],
    base: usize,
    pred: &impl Fn(u8) -> bool,
    found: &mut impl FnMut(usize),
) {
    if chunk.iter().fold(false, |any, &b| any | pred(b)) {
        for (i, &b) in chunk.iter().enumerate() {
            if pred(b) {
                found(base + i);
            }
        }
    }
}

/// ASCII letters, branch-free.
pub(crate) fn is_letter(b: u8) -> bool {
    within(b | 0x20, b'a', 26)
}

/// A C0 control byte (below 0x20), branch-free.
#[inline(always)]
pub(crate) fn is_c0(b: u8) -> bool {
    within(b, 0, 0x20)
}

/// Whether `lo <= b < lo + len` (which is at most 256), as one signed
/// comparison: the vector unit compares bytes signed only, and an
/// unsigned comparison costs it two more instructions.
#[inline(always)]
pub(crate) fn within(b: u8, lo: u8, len: u8) -> bool {
    (b.wrapping_sub(lo) ^ 0x80).cast_signed() < (len ^ 0x80).cast_signed()
}

#[cfg(test)]
mod tests {
    use proptest::{prop_assert_eq, proptest};

    /// Every byte starts a window in exactly one block, in order, and each
    /// block holds the input's bytes from its start, padded past the end.
    fn blocks_cover<const N: usize, const M: usize>() {
        for n in 0..4 * M {
            let bytes: Vec<u8> = (0..n).map(|i| (i % 251) as u8 + 1).collect();
            let mut starts = Vec::new();
            let mut base = 0;
            super::blocks::<N, M>(&bytes, 0, |block, len| {
                let expected: Vec<u8> = (base..base + M)
                    .map(|i| bytes.get(i).copied().unwrap_or(0))
                    .collect();
                assert_eq!(
                    block.as_slice(),
                    expected.as_slice(),
                    "n {n}, block at {base}"
                );
                starts.extend(base..base + len);
                base += len;
                true
            });
            assert_eq!(starts, (0..n).collect::<Vec<_>>(), "n {n}");
        }
    }

    #[test]
    fn blocks_cover_every_start_once() {
        blocks_cover::<32, 32>();
        blocks_cover::<32, 34>();
        blocks_cover::<32, 36>();
        blocks_cover::<64, 64>();
        blocks_cover::<64, 66>();
        blocks_cover::<4, 7>();
    }

    proptest! {
        #[test]
        fn scans_agree_with_iterators(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)
        ) {
            for (lo, len) in [(0, 0x20), (b'a', 26), (0xE5, 5), (0x80, 0x80), (0, 0xFF)] {
                for &b in &bytes {
                    let (b16, lo16) = (u16::from(b), u16::from(lo));
                    prop_assert_eq!(super::within(b, lo, len), lo16 <= b16 && b16 < lo16 + u16::from(len));
                }
            }
            prop_assert_eq!(
                super::count_and_ascii(&bytes, super::is_letter),
                (bytes.iter().filter(|b| b.is_ascii_alphabetic()).count(), bytes.is_ascii())
            );
            prop_assert_eq!(
                super::any(&bytes, |b| b == b'.'),
                bytes.contains(&b'.')
            );
            let mut dots = Vec::new();
            super::each(&bytes, b' ', |b| b == b'.', |i| dots.push(i));
            prop_assert_eq!(
                dots,
                bytes.iter().enumerate().filter(|(_, b)| **b == b'.').map(|(i, _)| i).collect::<Vec<_>>()
            );
            let padded = [bytes.as_slice(), b"__"].concat();
            prop_assert_eq!(
                super::fold3(&bytes, b'_', |a, b, c| {
                    u8::from((a == b'a') & (b == b'b') & (c == b'c'))
                        | u8::from((a == b'a') & (b == b'_')) << 1
                        | u8::from((a != b'_') & (c == b'_')) << 2
                }),
                u8::from(padded.windows(3).any(|w| w == b"abc"))
                    | u8::from(padded.windows(3).any(|w| w[0] == b'a' && w[1] == b'_')) << 1
                    | u8::from(padded.windows(3).any(|w| w[0] != b'_' && w[2] == b'_')) << 2
            );
        }
    }
}
