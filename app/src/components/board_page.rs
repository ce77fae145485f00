use crate::i18n::{use_texts, BoardTexts, Texts};
use crate::shell::Icon;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::components::A;

/// A board's page before it has content: its title, a designed empty state saying what will appear,
/// and what the board will let people do.
#[component]
pub fn BoardPage(
    pick: fn(&'static Texts) -> &'static BoardTexts,
    icon: Icon,
    /// Shown between the page head and the empty state (e.g. the account card on 我的).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let t = use_texts();
    let b = move || pick(t());
    view! {
        <PageTitle text=b().title/>
        <div class="page-head">
            <h1>{move || b().title}</h1>
            <p class="page-head__lead">{move || b().lead}</p>
        </div>
        {children.map(|c| c())}
        <section class="empty-state" aria-labelledby="empty-heading">
            <div class="empty-state__icon">{icon.view()}</div>
            <h2 id="empty-heading">{move || b().empty_heading}</h2>
            <p>{move || b().empty_text}</p>
        </section>
        <section class="card">
            <h2 class="card__title">{move || b().coming_heading}</h2>
            <ul class="checklist">
                {move || b().coming.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
            </ul>
        </section>
        <p class="page-foot">
            <A href="/" attr:class="button button--secondary">{move || b().back_home}</A>
        </p>
    }
}
