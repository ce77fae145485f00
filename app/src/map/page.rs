use crate::components::BoardPage;
use crate::shell::Icon;
use leptos::prelude::*;

#[component]
pub fn MapPage() -> impl IntoView {
    view! { <BoardPage pick=|t| &t.map icon=Icon::Map/> }
}
