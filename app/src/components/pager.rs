//! The links between the pages of a list read a page at a time, and its count of rows; where
//! the next page starts is `crate::paging`.

use crate::components::Pick;
use crate::i18n::use_lang;
use crate::locales::Lang;
use leptos::prelude::*;

/// The links under a page of a list: back to the first page (on later pages) and on to the next
/// (when there is one). Nothing when the whole list fits on one page.
#[component]
pub fn Pager(
    label: Pick,
    first: Pick,
    next: Pick,
    /// The first page's address, on a later page.
    first_href: Option<String>,
    /// The next page's address, if there are more rows.
    next_href: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    (first_href.is_some() || next_href.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=move || label(lang.get())>
                {first_href.map(|href| view! {
                    <a href=href class="button button--secondary" data-testid="first-page">
                        {move || first(lang.get())}
                    </a>
                })}
                {next_href.map(|href| view! {
                    <a href=href class="button button--secondary pager__next" rel="next" data-testid="next-page">
                        {move || next(lang.get())}
                    </a>
                })}
            </nav>
        }
    })
}

/// The sentence that says how many rows a list shows, in a language.
pub type CountText = fn(Lang, usize) -> String;

/// How many rows a list shows: all it found ("共 12 场活动"), or this page's when the list runs
/// over more than one page.
#[component]
pub fn ResultCount(
    count: usize,
    one_page: bool,
    whole: CountText,
    page: CountText,
) -> impl IntoView {
    let lang = use_lang();
    let sentence = if one_page { whole } else { page };
    view! {
        <p class="result-count" aria-live="polite">{move || sentence(lang.get(), count)}</p>
    }
}
