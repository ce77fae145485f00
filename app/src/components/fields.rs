//! Labelled form fields shared by the forms of several boards: the label, the control, and its
//! hint (which the control names in `aria-describedby`).

use crate::i18n::use_lang;
use crate::shell::escaped_on_server;
use leptos::prelude::*;

/// Picks a string from the reader's texts.
pub type Pick = crate::locales::Text;

/// A one-line input with its label and hint: text unless `input_type` says otherwise
/// (`datetime-local`, `number`...).
#[component]
pub fn TextField(
    id: &'static str,
    name: &'static str,
    label: Pick,
    hint: Option<Pick>,
    value: String,
    max: usize,
    #[prop(optional)] required: bool,
    #[prop(default = "text")] input_type: &'static str,
) -> impl IntoView {
    view! {
        <Field id label hint>
            <input id=id name=name type=input_type value=value maxlength=max
                required=required aria-describedby=hint.map(|_| format!("{id}-hint"))/>
        </Field>
    }
}

/// A text area with its label and hint.
#[component]
pub fn TextArea(
    id: &'static str,
    name: &'static str,
    label: Pick,
    hint: Option<Pick>,
    value: String,
    max: usize,
) -> impl IntoView {
    view! {
        <Field id label hint>
            <textarea id=id name=name rows="4" maxlength=max
                aria-describedby=hint.map(|_| format!("{id}-hint"))>{escaped_on_server(value)}</textarea>
        </Field>
    }
}

/// A label, the control, and its hint (which the control names in `aria-describedby`).
#[component]
fn Field(id: &'static str, label: Pick, hint: Option<Pick>, children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for=id>{move || label(lang.get())}</label>
        {children()}
        {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{move || hint(lang.get())}</p> })}
    }
}

/// A `<select>` of every value of a choice (its labels in the reader's language), `current`
/// selected; with `any`, an empty first option of that label ("all categories").
#[component]
pub fn ChoiceSelect<C: crate::choice::LabelledChoice>(
    id: &'static str,
    name: &'static str,
    current: String,
    #[prop(optional)] any: Option<Pick>,
    #[prop(optional)] required: bool,
    #[prop(optional)] _choice: std::marker::PhantomData<C>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <select id=id name=name required=required>
            {any.map(|any| view! { <option value="" selected=current.is_empty()>{move || any(lang.get())}</option> })}
            {C::all().iter().copied().map(|c| {
                let selected = c.value() == current;
                view! { <option value=c.value() selected=selected>{move || c.label(lang.get())}</option> }
            }).collect_view()}
        </select>
    }
}
