use crate::components::BoardPage;
use crate::shell::Icon;
use leptos::prelude::*;

#[component]
pub fn HelpPage() -> impl IntoView {
    view! { <BoardPage pick=|t| &t.help icon=Icon::Help/> }
}
