use crate::components::BoardPage;
use crate::shell::Icon;
use leptos::prelude::*;

#[component]
pub fn MePage() -> impl IntoView {
    view! { <BoardPage pick=|t| &t.me icon=Icon::Me/> }
}
