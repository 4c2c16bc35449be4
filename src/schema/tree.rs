//! The model as JSON for the schema check, without a `serde_json::Value`.
//!
//! `serde_json::to_value` allocates every string, member name and object
//! of a document, and frees them all after the check: a tenth of the time
//! of a conversion. A [`Tree`] holds the same JSON in three flat buffers
//! (nodes, the children of every container, and all text end to end) that
//! are kept from one document to the next, and the validator reads it in
//! place through jsonschema's custom-representation traits ([`TreeJson`]).
//! It is filled by serde, so it is the document `to_value` would make:
//! [`At::json`] gives that `Value` back, which the tests compare and
//! the validator uses for its error messages.

use std::borrow::Cow;
use std::ops::Range;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object, cmp};
use serde::ser::{self, Serialize};
use serde_json::{Error, Map, Number, Value};

/// One JSON document, kept in buffers that are reused by [`Tree::fill`].
#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<Kind>,
    /// The members of every object and the elements of every array, each
    /// container's together, in order.
    children: Vec<Child>,
    /// Every string and member name, end to end.
    text: String,
    /// The children of the containers being filled, innermost last.
    pending: Vec<Child>,
}

/// A node: scalars in place, strings and containers as ranges of the
/// tree's buffers.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Null,
    Bool(bool),
    Number(Num),
    String(Range<usize>),
    Array(Range<usize>),
    Object(Range<usize>),
}

/// A member (with its name's range in the text) or an element (no name).
#[derive(Debug, Clone)]
struct Child {
    name: Range<usize>,
    node: usize,
}

/// A number as serde gave it; non-negative integers are always `U`, as in
/// `serde_json::Number`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    U(u64),
    I(i64),
    F(f64),
}

impl Tree {
    /// Empties the tree and fills it with `value` as JSON; the error is
    /// serde_json's for what it cannot write either (a map whose keys are
    /// not strings, an integer past 64 bits).
    pub fn fill<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<At<'_>, Error> {
        self.nodes.clear();
        self.children.clear();
        self.text.clear();
        self.pending.clear();
        let index = value.serialize(&mut *self)?;
        Ok(At { tree: self, index })
    }

    /// Makes room for `text` more bytes of strings and names and `nodes`
    /// more nodes (and as many children): a huge document's buffers,
    /// grown by doubling, would each reserve up to twice what they hold,
    /// and copy themselves on the way.
    pub fn reserve(&mut self, text: usize, nodes: usize) {
        self.text.reserve(text);
        self.nodes.reserve(nodes);
        self.children.reserve(nodes);
    }

    /// The bytes its buffers hold on to.
    pub fn capacity(&self) -> usize {
        self.nodes.capacity() * size_of::<Kind>()
            + (self.children.capacity() + self.pending.capacity()) * size_of::<Child>()
            + self.text.capacity()
    }

    fn push(&mut self, kind: Kind) -> usize {
        self.nodes.push(kind);
        self.nodes.len() - 1
    }

    fn push_text(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }

    fn push_string(&mut self, text: &str) -> usize {
        let range = self.push_text(text);
        self.push(Kind::String(range))
    }

    fn compound(&mut self, kind: Container, variant: Option<&'static str>) -> Compound<'_> {
        Compound {
            mark: self.pending.len(),
            tree: self,
            kind,
            variant,
            key: None,
        }
    }

    /// Makes the node `{"variant": node}`, serde's form of an enum variant
    /// with content.
    fn wrap(&mut self, variant: &'static str, node: usize) -> usize {
        let name = self.push_text(variant);
        let start = self.children.len();
        self.children.push(Child { name, node });
        self.push(Kind::Object(start..start + 1))
    }
}

/// What a [`Compound`] becomes.
#[derive(Clone, Copy)]
enum Container {
    Array,
    Object,
}

/// A container being filled: its children go on the tree's pending stack
/// from `mark`, and move to the children buffer, together, at its end.
pub struct Compound<'t> {
    tree: &'t mut Tree,
    mark: usize,
    kind: Container,
    /// The enum variant the container is the content of.
    variant: Option<&'static str>,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<Range<usize>>,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let node = value.serialize(&mut *self.tree)?;
        self.tree.pending.push(Child { name: 0..0, node });
        Ok(())
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let name = self.tree.push_text(key);
        let node = value.serialize(&mut *self.tree)?;
        self.tree.pending.push(Child { name, node });
        Ok(())
    }

    fn finish(self) -> Result<usize, Error> {
        let tree = self.tree;
        let start = tree.children.len();
        tree.children.extend(tree.pending.drain(self.mark..));
        let range = start..tree.children.len();
        let node = tree.push(match self.kind {
            Container::Array => Kind::Array(range),
            Container::Object => Kind::Object(range),
        });
        Ok(match self.variant {
            Some(variant) => tree.wrap(variant, node),
            None => node,
        })
    }
}

impl<'t> ser::Serializer for &'t mut Tree {
    type Ok = usize;
    type Error = Error;
    type SerializeSeq = Compound<'t>;
    type SerializeTuple = Compound<'t>;
    type SerializeTupleStruct = Compound<'t>;
    type SerializeTupleVariant = Compound<'t>;
    type SerializeMap = Compound<'t>;
    type SerializeStruct = Compound<'t>;
    type SerializeStructVariant = Compound<'t>;

    fn serialize_bool(self, v: bool) -> Result<usize, Error> {
        Ok(self.push(Kind::Bool(v)))
    }

    fn serialize_i8(self, v: i8) -> Result<usize, Error> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<usize, Error> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<usize, Error> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<usize, Error> {
        let num = u64::try_from(v).map_or(Num::I(v), Num::U);
        Ok(self.push(Kind::Number(num)))
    }

    fn serialize_i128(self, v: i128) -> Result<usize, Error> {
        match (u64::try_from(v), i64::try_from(v)) {
            (Ok(v), _) => self.serialize_u64(v),
            (_, Ok(v)) => self.serialize_i64(v),
            _ => Err(ser::Error::custom("number out of range")),
        }
    }

    fn serialize_u8(self, v: u8) -> Result<usize, Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<usize, Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<usize, Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<usize, Error> {
        Ok(self.push(Kind::Number(Num::U(v))))
    }

    fn serialize_u128(self, v: u128) -> Result<usize, Error> {
        u64::try_from(v)
            .map_err(|_| ser::Error::custom("number out of range"))
            .and_then(|v| self.serialize_u64(v))
    }

    fn serialize_f32(self, v: f32) -> Result<usize, Error> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<usize, Error> {
        // as in JSON (and `to_value`): a number that is not finite is null
        Ok(self.push(if v.is_finite() {
            Kind::Number(Num::F(v))
        } else {
            Kind::Null
        }))
    }

    fn serialize_char(self, v: char) -> Result<usize, Error> {
        Ok(self.push_string(v.encode_utf8(&mut [0; 4])))
    }

    fn serialize_str(self, v: &str) -> Result<usize, Error> {
        Ok(self.push_string(v))
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<usize, Error> {
        let mut array = self.compound(Container::Array, None);
        for byte in v {
            array.element(byte)?;
        }
        array.finish()
    }

    fn serialize_none(self) -> Result<usize, Error> {
        Ok(self.push(Kind::Null))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<usize, Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<usize, Error> {
        Ok(self.push(Kind::Null))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<usize, Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<usize, Error> {
        Ok(self.push_string(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<usize, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<usize, Error> {
        let node = value.serialize(&mut *self)?;
        Ok(self.wrap(variant, node))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Array, None))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Array, None))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Array, None))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Array, Some(variant)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Object, None))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Object, None))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Error> {
        Ok(self.compound(Container::Object, Some(variant)))
    }
}

/// The compound serializers whose items are elements: arrays and tuples.
macro_rules! elements {
    ($($serialize:ident :: $method:ident),*) => {$(
        impl ser::$serialize for Compound<'_> {
            type Ok = usize;
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }

            fn end(self) -> Result<usize, Error> {
                self.finish()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = usize;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let name = key.serialize(KeyText(&mut *self.tree))?;
        self.key = Some(name);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let name = self
            .key
            .take()
            .ok_or_else(|| ser::Error::custom("a map value without its key"))?;
        let node = value.serialize(&mut *self.tree)?;
        self.tree.pending.push(Child { name, node });
        Ok(())
    }

    fn end(self) -> Result<usize, Error> {
        self.finish()
    }
}

/// The compound serializers whose items are named: structs.
macro_rules! members {
    ($($serialize:ident),*) => {$(
        impl ser::$serialize for Compound<'_> {
            type Ok = usize;
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.member(key, value)
            }

            fn end(self) -> Result<usize, Error> {
                self.finish()
            }
        }
    )*};
}

members!(SerializeStruct, SerializeStructVariant);

/// Integer keys, written in decimal as serde_json writes them.
macro_rules! integer_keys {
    ($($method:ident: $integer:ty),*) => {$(
        fn $method(self, v: $integer) -> Result<Range<usize>, Error> {
            self.text(&v.to_string())
        }
    )*};
}

/// A map key into the tree's text: strings, and what serde_json also
/// writes as a string key (characters, integers, booleans, unit variants).
struct KeyText<'t>(&'t mut Tree);

impl KeyText<'_> {
    fn text(self, text: &str) -> Result<Range<usize>, Error> {
        Ok(self.0.push_text(text))
    }

    fn refuse<T>() -> Result<T, Error> {
        Err(ser::Error::custom("key must be a string"))
    }
}

impl ser::Serializer for KeyText<'_> {
    type Ok = Range<usize>;
    type Error = Error;
    type SerializeSeq = ser::Impossible<Range<usize>, Error>;
    type SerializeTuple = ser::Impossible<Range<usize>, Error>;
    type SerializeTupleStruct = ser::Impossible<Range<usize>, Error>;
    type SerializeTupleVariant = ser::Impossible<Range<usize>, Error>;
    type SerializeMap = ser::Impossible<Range<usize>, Error>;
    type SerializeStruct = ser::Impossible<Range<usize>, Error>;
    type SerializeStructVariant = ser::Impossible<Range<usize>, Error>;

    fn serialize_bool(self, v: bool) -> Result<Range<usize>, Error> {
        self.text(if v { "true" } else { "false" })
    }

    integer_keys!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128
    );

    fn serialize_f32(self, _v: f32) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_f64(self, _v: f64) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_char(self, v: char) -> Result<Range<usize>, Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<Range<usize>, Error> {
        self.text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_none(self) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_unit(self) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Range<usize>, Error> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Range<usize>, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Range<usize>, Error> {
        Self::refuse()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Self::refuse()
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Self::refuse()
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Self::refuse()
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Self::refuse()
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Self::refuse()
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Self::refuse()
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Self::refuse()
    }
}

/// The representation jsonschema validates a [`Tree`] in.
pub struct TreeJson;

/// A node of a [`Tree`].
#[derive(Clone, Copy)]
pub struct At<'a> {
    tree: &'a Tree,
    index: usize,
}

/// The children of an object or array of a [`Tree`].
#[derive(Clone)]
pub struct Children<'a> {
    tree: &'a Tree,
    range: Range<usize>,
}

/// An object's members, as jsonschema walks them.
pub struct Members<'a> {
    tree: &'a Tree,
    children: std::slice::Iter<'a, Child>,
}

/// An array's elements, as jsonschema walks them.
pub struct Elements<'a> {
    tree: &'a Tree,
    children: std::slice::Iter<'a, Child>,
}

impl<'a> At<'a> {
    fn kind(&self) -> &'a Kind {
        &self.tree.nodes[self.index]
    }

    fn children(&self, range: &Range<usize>) -> Children<'a> {
        Children {
            tree: self.tree,
            range: range.clone(),
        }
    }

    fn str(&self) -> Option<&'a str> {
        match self.kind() {
            Kind::String(range) => Some(&self.tree.text[range.clone()]),
            _ => None,
        }
    }

    /// The node as a `serde_json::Value`: what `serde_json::to_value` makes
    /// of what filled the tree.
    pub fn json(self) -> Value {
        let tree = self.tree;
        let at = |index| At { tree, index };
        match self.kind() {
            Kind::Null => Value::Null,
            Kind::Bool(v) => Value::Bool(*v),
            Kind::Number(num) => Value::Number(num.to_number().into_owned()),
            Kind::String(range) => Value::String(tree.text[range.clone()].to_owned()),
            Kind::Array(range) => tree.children[range.clone()]
                .iter()
                .map(|child| at(child.node).json())
                .collect(),
            Kind::Object(range) => Value::Object(
                tree.children[range.clone()]
                    .iter()
                    .map(|child| {
                        let name = tree.text[child.name.clone()].to_owned();
                        (name, at(child.node).json())
                    })
                    .collect::<Map<String, Value>>(),
            ),
        }
    }
}

impl Json for TreeJson {
    type Node<'a> = At<'a>;
    type PreparedKey = String;
    type StringBuffer = Tree;

    // an object's lookup is a scan of its members, as its members pass is
    const KEYS_PER_LOOKUP: usize = 2;
    // serde cannot write a cycle
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut Tree, string: &str, f: impl FnOnce(At<'_>) -> T) -> T {
        let node = buffer.fill(string).expect("a string is JSON");
        f(node)
    }
}

impl JsonNumber for Num {
    fn as_u64(&self) -> Option<u64> {
        match *self {
            Num::U(v) => Some(v),
            Num::I(_) | Num::F(_) => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match *self {
            Num::U(v) => i64::try_from(v).ok(),
            Num::I(v) => Some(v),
            Num::F(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Num::U(v) => v as f64,
            Num::I(v) => v as f64,
            Num::F(v) => v,
        })
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_number().to_string())
    }

    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Owned(match *self {
            Num::U(v) => Number::from(v),
            Num::I(v) => Number::from(v),
            // only finite numbers are kept as numbers
            Num::F(v) => Number::from_f64(v).unwrap_or_else(|| Number::from(0)),
        })
    }

    fn is_integer(&self) -> bool {
        match *self {
            Num::U(_) | Num::I(_) => true,
            Num::F(v) => v.fract() == 0.0,
        }
    }

    fn is_written_as_integer(&self) -> bool {
        matches!(self, Num::U(_) | Num::I(_))
    }
}

impl<'a> Node<'a, TreeJson> for At<'a> {
    type Object = Children<'a>;
    type Array = Children<'a>;
    type Number = Num;

    fn as_object(&self) -> Option<Children<'a>> {
        match self.kind() {
            Kind::Object(range) => Some(self.children(range)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Children<'a>> {
        match self.kind() {
            Kind::Array(range) => Some(self.children(range)),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        self.str().map(Cow::Borrowed)
    }

    fn as_number(&self) -> Option<Num> {
        match self.kind() {
            Kind::Number(num) => Some(*num),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.kind() {
            Kind::Bool(v) => Some(*v),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.kind(), Kind::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.kind() {
            Kind::Null => JsonType::Null,
            Kind::Bool(_) => JsonType::Boolean,
            Kind::Number(_) => JsonType::Number,
            Kind::String(_) => JsonType::String,
            Kind::Array(_) => JsonType::Array,
            Kind::Object(_) => JsonType::Object,
        }
    }

    fn string_length_within(&self, min: u64, max: u64) -> Option<bool> {
        // a character is one to four bytes: the byte length often decides
        let string = self.str()?;
        let bytes = string.len() as u64;
        if bytes < min || bytes.div_ceil(4) > max {
            return Some(false);
        }
        if min <= bytes.div_ceil(4) && bytes <= max {
            return Some(true);
        }
        Some((min..=max).contains(&(string.chars().count() as u64)))
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `enum` of strings, the common case, without building a value
        match (self.str(), expected) {
            (Some(string), Value::String(other)) => string == other,
            (Some(_), _) => false,
            (None, _) => cmp::equal(&self.json(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(self.json())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        // unique among the nodes alive at once: the nodes' own addresses
        Some(NodeIdentity::new(
            std::ptr::from_ref(&self.tree.nodes[self.index]).addr(),
        ))
    }
}

impl<'a> Object<'a, TreeJson> for Children<'a> {
    type Node = At<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.range.len()
    }

    fn get(&self, key: &String) -> Option<At<'a>> {
        let tree = self.tree;
        tree.children[self.range.clone()]
            .iter()
            .find(|child| tree.text[child.name.clone()] == **key)
            .map(|child| At {
                tree,
                index: child.node,
            })
    }

    fn members(&self) -> Members<'a> {
        Members {
            tree: self.tree,
            children: self.tree.children[self.range.clone()].iter(),
        }
    }
}

impl<'a> Array<'a, TreeJson> for Children<'a> {
    type Node = At<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        self.range.len()
    }

    fn elements(&self) -> Elements<'a> {
        Elements {
            tree: self.tree,
            children: self.tree.children[self.range.clone()].iter(),
        }
    }
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, At<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let tree = self.tree;
        self.children.next().map(|child| {
            let at = At {
                tree,
                index: child.node,
            };
            (&tree.text[child.name.clone()], at)
        })
    }
}

impl<'a> Iterator for Elements<'a> {
    type Item = At<'a>;

    fn next(&mut self) -> Option<At<'a>> {
        let tree = self.tree;
        self.children.next().map(|child| At {
            tree,
            index: child.node,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::json;

    use super::*;

    #[test]
    fn the_representation_keeps_the_validators_contract() {
        let mut tree = Tree::default();
        let root = tree
            .fill(&jsonschema::json::conformance::document())
            .unwrap();
        jsonschema::json::conformance::assert_conformance::<TreeJson>(&root);
    }

    /// Every shape serde has, for the comparison with `to_value`.
    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i16, String),
        Struct { a: Option<bool>, b: Vec<char> },
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Wrapper(String);

    #[derive(Serialize)]
    struct Pair(i64, f64);

    #[derive(Serialize)]
    struct Everything {
        shapes: Vec<Shape>,
        unit: (),
        unit_struct: Unit,
        wrapper: Wrapper,
        pair: Pair,
        tuple: (u32, &'static str),
        map: BTreeMap<i32, &'static str>,
        flags: BTreeMap<bool, u8>,
        floats: Vec<f32>,
        big: (u128, i128),
        #[serde(with = "serde_bytes_as_seq")]
        bytes: Vec<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    mod serde_bytes_as_seq {
        pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(bytes)
        }
    }

    #[test]
    fn every_serde_shape_is_what_to_value_makes() {
        let value = Everything {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, "t".into()),
                Shape::Struct {
                    a: None,
                    b: vec!['x', '中'],
                },
            ],
            unit: (),
            unit_struct: Unit,
            wrapper: Wrapper("w".into()),
            pair: Pair(i64::MIN, f64::NAN),
            tuple: (u32::MAX, "s"),
            map: [(-1, "minus"), (2, "two")].into_iter().collect(),
            flags: [(true, 1)].into_iter().collect(),
            floats: vec![1.5, f32::INFINITY, 2.0],
            big: (u128::from(u64::MAX), i128::from(i64::MIN)),
            bytes: vec![0, 255],
            skipped: None,
        };
        let mut tree = Tree::default();
        let root = tree.fill(&value).unwrap();
        assert_eq!(root.json(), serde_json::to_value(&value).unwrap());
    }

    #[test]
    fn what_to_value_refuses_is_refused() {
        let mut tree = Tree::default();
        assert!(tree.fill(&u128::MAX).is_err());
        assert!(tree.fill(&i128::MIN).is_err());
        let tuple_keys: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        assert!(tree.fill(&tuple_keys).is_err());
        assert!(serde_json::to_value(&tuple_keys).is_err());
    }

    #[test]
    fn a_tree_is_refilled_from_empty() {
        let mut tree = Tree::default();
        tree.fill(&json!({"a": [1, 2, {"b": "long text"}]}))
            .unwrap();
        let root = tree.fill(&json!(["c"])).unwrap();
        assert_eq!(root.json(), json!(["c"]));
        assert_eq!(tree.nodes.len(), 2);
        assert_eq!(tree.text, "c");
    }

    /// Any JSON value, nested.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            "[a-z中é\"\\\\]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-z]{0,3}", inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// An object with members of any JSON, and sometimes the member `a`
    /// that the schema below asks for, valid or not.
    fn any_document() -> impl Strategy<Value = Value> {
        let a = prop_oneof![
            Just(None),
            Just(Some(json!("ab"))),
            Just(Some(json!("中文"))),
            Just(Some(json!("a"))),
            Just(Some(json!("abc"))),
            Just(Some(json!(5))),
        ];
        (
            proptest::collection::vec(("[b-d]{1,2}", any_json()), 0..4),
            a,
        )
            .prop_map(|(members, a)| {
                let mut object: Map<String, Value> = members.into_iter().collect();
                if let Some(a) = a {
                    object.insert("a".into(), a);
                }
                Value::Object(object)
            })
    }

    proptest! {
        /// The tree of any JSON value gives that value back.
        #[test]
        fn any_value_round_trips(value in any_json()) {
            let mut tree = Tree::default();
            let root = tree.fill(&value).unwrap();
            prop_assert_eq!(root.json(), value);
        }

        /// The validator's verdict on a tree is its verdict on the value.
        #[test]
        fn a_tree_validates_as_its_value(value in any_document()) {
            let schema = json!({
                "type": "object",
                "properties": {"a": {"type": "string", "minLength": 2, "enum": ["ab", "中文", "a", 5, null]}},
                "additionalProperties": {"type": ["array", "integer", "null", "object"]},
                "required": ["a"]
            });
            let on_tree = jsonschema::options_for::<TreeJson>().build(&schema).unwrap();
            let on_value = jsonschema::validator_for(&schema).unwrap();
            let mut tree = Tree::default();
            let root = tree.fill(&value).unwrap();
            prop_assert_eq!(on_tree.is_valid(root), on_value.is_valid(&value));
        }
    }
}
