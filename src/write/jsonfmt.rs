//! A serde serializer for JSON, compact or pretty, byte for byte what
//! `serde_json` writes (`to_writer`, `to_writer_pretty` with two-space
//! indents), but faster on text: strings are scanned eight bytes at a time
//! for the bytes that need escaping (`"`, `\`, controls), and clean runs are
//! copied whole. Escaping is most of the cost of writing a document, and a
//! document is mostly text.
//!
//! Numbers other than integers, and anything unusual, are handed to
//! `serde_json`, so that the two never disagree.

use serde::ser::{self, Serialize};

use serde_json::Error;

/// Appends `value` as JSON to `out`.
pub fn to_vec<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    pretty: bool,
) -> Result<(), Error> {
    value.serialize(&mut Serializer {
        out,
        pretty,
        indent: 0,
    })
}

/// Writes JSON into a byte buffer.
struct Serializer<'o> {
    out: &'o mut Vec<u8>,
    pretty: bool,
    indent: usize,
}

impl<'o> Serializer<'o> {
    fn newline(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.indent {
            self.out.extend_from_slice(b"  ");
        }
    }

    fn open<'s>(&'s mut self, bracket: u8) -> Compound<'s, 'o> {
        self.out.push(bracket);
        self.indent += 1;
        Compound {
            ser: self,
            first: true,
        }
    }

    /// Before an element or a key: the separator and, pretty, a new line.
    fn item(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        if self.pretty {
            self.newline();
        }
    }

    fn close(&mut self, bracket: u8, empty: bool) {
        self.indent -= 1;
        if self.pretty && !empty {
            self.newline();
        }
        self.out.push(bracket);
    }

    fn colon(&mut self) {
        self.out
            .extend_from_slice(if self.pretty { b": " } else { b":" });
    }

    fn delegate<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, value)
    }
}

/// Bytes that need escaping in a JSON string, branch-free (so that a scan
/// of a chunk with it vectorises).
fn needs_escape(b: u8) -> bool {
    crate::bytes::is_c0(b) | (b == b'"') | (b == b'\\')
}

/// Appends `text` as a JSON string.
fn escape_into(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // clean text is copied between escapes
    let mut start = 0;
    crate::bytes::each(bytes, b' ', needs_escape, |i| {
        out.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
        start = i + 1;
    });
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// An array or object being written.
struct Compound<'s, 'o> {
    ser: &'s mut Serializer<'o>,
    first: bool,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.item(self.first);
        self.first = false;
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.ser.item(self.first);
        self.first = false;
        escape_into(self.ser.out, key);
        self.ser.colon();
        value.serialize(&mut *self.ser)
    }

    fn end(self, bracket: u8) {
        self.ser.close(bracket, self.first);
    }

    /// Ends the inner value of a `{"Variant": …}`, then the outer object.
    fn end_variant(self, bracket: u8) {
        let ser = self.ser;
        ser.close(bracket, self.first);
        ser.close(b'}', false);
    }
}

impl<'s, 'o> ser::Serializer for &'s mut Serializer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'o>;
    type SerializeTuple = Compound<'s, 'o>;
    type SerializeTupleStruct = Compound<'s, 'o>;
    type SerializeTupleVariant = Compound<'s, 'o>;
    type SerializeMap = Compound<'s, 'o>;
    type SerializeStruct = Compound<'s, 'o>;
    type SerializeStructVariant = Compound<'s, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.out.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.delegate(&v)
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.delegate(&v)
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.delegate(&v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.delegate(&v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        escape_into(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        escape_into(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;

        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        SerializeSeq::end(seq)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open(b'{');
        object.field(variant, value)?;
        object.end(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'s, 'o>, Error> {
        Ok(self.open(b'['))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'o>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'o>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'o>, Error> {
        self.variant(variant, b'[')
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'s, 'o>, Error> {
        Ok(self.open(b'{'))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'s, 'o>, Error> {
        Ok(self.open(b'{'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'o>, Error> {
        self.variant(variant, b'{')
    }
}

impl<'s, 'o> Serializer<'o> {
    /// `{"Variant": ` and the opening of its value.
    fn variant(&'s mut self, variant: &str, bracket: u8) -> Result<Compound<'s, 'o>, Error> {
        self.out.push(b'{');
        self.indent += 1;
        self.item(true);
        escape_into(self.out, variant);
        self.colon();
        Ok(self.open(bracket))
    }
}

/// The serde traits of arrays: elements in brackets.
macro_rules! array {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self, b']');
                Ok(())
            }
        }
    )*};
}

array!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.end_variant(b']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.ser.item(self.first);
        self.first = false;
        // keys as serde_json writes them (strings, and numbers or booleans
        // in quotes): through a value, so that the rules stay serde_json's
        match serde_json::to_value(key)? {
            serde_json::Value::String(key) => escape_into(self.ser.out, &key),
            serde_json::Value::Number(n) => escape_into(self.ser.out, &n.to_string()),
            serde_json::Value::Bool(b) => {
                escape_into(self.ser.out, if b { "true" } else { "false" })
            }
            _ => return Err(ser::Error::custom("key must be a string")),
        }
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.colon();
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self, b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self, b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.end_variant(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    fn both<T: Serialize>(value: &T) {
        for pretty in [false, true] {
            let mut ours = Vec::new();
            to_vec(&mut ours, value, pretty).unwrap();
            let theirs = if pretty {
                serde_json::to_vec_pretty(value).unwrap()
            } else {
                serde_json::to_vec(value).unwrap()
            };
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap(),
                "pretty: {pretty}"
            );
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Vec<u8>, b: Option<String> },
    }

    #[derive(Serialize)]
    struct Everything {
        flag: bool,
        small: i8,
        big: u128,
        float: f64,
        nan: f32,
        letter: char,
        nothing: Option<u8>,
        empty: Vec<String>,
        empty_map: BTreeMap<String, u8>,
        map: BTreeMap<i32, Vec<Shape>>,
        unit: (),
        tuple: (u8, &'static str),
        bytes: &'static [u8],
    }

    #[test]
    fn the_same_bytes_as_serde_json() {
        let mut map = BTreeMap::new();
        map.insert(-1, vec![Shape::Unit, Shape::Newtype(7)]);
        map.insert(2, vec![Shape::Tuple(-3, "x\"y".into())]);
        map.insert(
            3,
            vec![Shape::Struct {
                a: vec![],
                b: Some("\u{1}\u{7f}é".into()),
            }],
        );
        both(&Everything {
            flag: true,
            small: -8,
            big: u128::MAX,
            float: 1.5e-7,
            nan: f32::NAN,
            letter: '"',
            nothing: None,
            empty: vec![],
            empty_map: BTreeMap::new(),
            map,
            unit: (),
            tuple: (1, "two"),
            bytes: b"ab",
        });
    }

    #[test]
    fn every_byte_is_escaped_as_serde_json_does() {
        // at every place in and around two chunks
        for b in 0..=0x7fu8 {
            for at in 0..=2 * crate::bytes::CHUNK + 2 {
                let mut text = "abcdefghij".repeat(7);
                text.insert(at, char::from(b));
                both(&text);
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_agrees(text in ".{0,100}|[\"\\\\\\x00-\\x1f a-z]{0,100}") {
            both(&text);
        }

        #[test]
        fn any_nesting_agrees(value in prop::collection::vec(prop::collection::btree_map("[a-z\"]{0,3}", prop::option::of(".{0,9}"), 0..3), 0..3)) {
            both(&value);
        }
    }
}
