use crate::components::BoardPage;
use crate::shell::Icon;
use leptos::prelude::*;

#[component]
pub fn ItemsPage() -> impl IntoView {
    view! { <BoardPage pick=|t| &t.items icon=Icon::Items/> }
}
