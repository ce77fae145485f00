//! `choice!`: an enum of fixed choices (a category, a mode, a status) with the short English word
//! each is stored as in the database and sent as in forms and URLs, and the list of all of them in
//! the order forms show them. With `labels in <namespace>::<group>` each choice is named in the
//! locale files under that group, keyed by its word (`items.categories.furniture`), and gets
//! `label(Lang)`.

#[macro_export]
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident labels in $namespace:ident :: $group:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $value:ident),+ $(,)?
        }
    ) => {
        $crate::choice! {
            $(#[$meta])*
            pub enum $name {
                $($(#[$variant_meta])* $variant = stringify!($value)),+
            }
        }

        impl $name {
            /// Its name in the reader's language.
            pub fn label(self, lang: $crate::locales::Lang) -> &'static str {
                match self {
                    $($name::$variant => $crate::locales::$namespace::$group::$value(lang)),+
                }
            }
        }

        $crate::choice!(@labelled $name);
    };
    (@labelled $name:ident) => {
        impl $crate::choice::LabelledChoice for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn value(self) -> &'static str {
                self.as_str()
            }
            fn label(self, lang: $crate::locales::Lang) -> &'static str {
                $name::label(self, lang)
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $value:expr),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every choice, in the order forms and filters list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the database and used in forms and URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }

            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.as_str() == value)
            }

        }
    };
}

/// A choice with a label: what a `<select>` of it needs (`components::ChoiceSelect`).
pub trait LabelledChoice: Copy + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn value(self) -> &'static str;
    fn label(self, lang: crate::locales::Lang) -> &'static str;
}
