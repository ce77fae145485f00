use crate::components::BoardPage;
use crate::shell::Icon;
use leptos::prelude::*;

#[component]
pub fn EventsPage() -> impl IntoView {
    view! { <BoardPage pick=|t| &t.events icon=Icon::Events/> }
}
