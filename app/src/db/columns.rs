//! Column types that sqlx's `Any` driver cannot carry by itself, each behind one small type so
//! that domain code reads and writes plain Rust values. (Floats have `float_param` in `db`.)

use sqlx::any::{Any, AnyTypeInfo, AnyValueRef};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Type};

type Buffer<'q> = <Any as Database>::ArgumentBuffer<'q>;

/// A yes or no, stored as 0 or 1: the `Any` driver has no boolean that both databases read back
/// alike, so flags are integers in both schemas and this type turns them into `bool` and back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: AnyValueRef<'r>) -> Result<Flag, BoxDynError> {
        Ok(Flag(<i64 as Decode<Any>>::decode(value)? != 0))
    }
}

impl<'q> Encode<'q, Any> for Flag {
    fn encode_by_ref(&self, buf: &mut Buffer<'q>) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<Any>>::encode(i64::from(self.0), buf)
    }
}

/// A short list of words (an event's tags, the fields a log line names), stored as one text
/// joined by commas so that a `LIKE` search and both databases treat it as plain text. The words
/// themselves never hold a comma: the forms split on commas before they get here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommaList(pub Vec<String>);

impl CommaList {
    /// The words, empty ones left out.
    pub fn into_vec(self) -> Vec<String> {
        self.0
    }

    fn joined(&self) -> String {
        self.0.join(",")
    }
}

impl<S: AsRef<str>> FromIterator<S> for CommaList {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> CommaList {
        CommaList(
            words
                .into_iter()
                .map(|w| w.as_ref().trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
        )
    }
}

impl Type<Any> for CommaList {
    fn type_info() -> AnyTypeInfo {
        <String as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <String as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for CommaList {
    fn decode(value: AnyValueRef<'r>) -> Result<CommaList, BoxDynError> {
        let text = <String as Decode<Any>>::decode(value)?;
        Ok(text.split(',').collect())
    }
}

impl<'q> Encode<'q, Any> for CommaList {
    fn encode_by_ref(&self, buf: &mut Buffer<'q>) -> Result<IsNull, BoxDynError> {
        <String as Encode<Any>>::encode(self.joined(), buf)
    }
}
