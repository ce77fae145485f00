//! `/items/{id}`: one listing — its photos, what it is, how it is passed on, roughly where — readable
//! without JavaScript.

use super::api::{get_item, ItemView};
use super::model::ItemKind;
use crate::error::AppError;
use crate::i18n::dates::format_date;
use crate::i18n::{use_lang, use_texts};
use crate::map::pin_map::{configured_tiles, LeafletAssets, PlaceMap};
use crate::orgs::{use_org_id, Fact};
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn ItemPage() -> impl IntoView {
    // The same `{id}` rule as other pages: a number, or a page that does not exist.
    let id = use_org_id();
    let item = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_item(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match item.await {
                    Ok(view) => view! { <ItemDetails view/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ItemDetails(view: ItemView) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let b = move || &t().items_board;
    let item = view.item;
    let (kind, category, mode, status) = (item.kind, item.category, item.mode, item.status);
    let condition = item.condition;
    let posted = use_query_map().read_untracked().get("done").as_deref() == Some("posted");
    let photo_count = item.photos.len();
    view! {
        <PageTitle text=item.title.clone()/>
        <div class="page-head">
            <p class="org-head__kind">
                <span class=if kind == ItemKind::Wanted { "chip chip--wanted" } else { "chip" }>{move || kind.label(t())}</span>
                " "
                <span class="chip chip--plain" data-testid="item-status">{move || status.label(t())}</span>
            </p>
            <h1>{item.title.clone()}</h1>
        </div>
        {posted.then(|| view! { <p class="notice-ok" role="status">{move || b().posted_notice}</p> })}
        {item.hidden.then(|| view! { <p class="form-error" role="status">{move || b().hidden_note}</p> })}
        {(!view.open && !item.hidden).then(|| view! { <p class="empty-note">{move || b().closed_note}</p> })}
        {(photo_count > 0).then(|| view! {
            <ul class="item-photos" data-testid="item-photos">
                {item.photos.iter().enumerate().map(|(n, photo)| view! {
                    <li>
                        <a href=photo.display_url()>
                            <img src=photo.display_url() width=photo.width height=photo.height
                                loading=if n == 0 { "eager" } else { "lazy" }
                                alt=move || format!("{} {}/{}", b().photo_alt, n + 1, photo_count)/>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!item.description.is_empty()).then(|| view! {
            <section class="card"><p class="prose">{item.description.clone()}</p></section>
        })}
        <dl class="card facts">
            <dt>{move || b().category_label}</dt>
            <dd>{move || category.label(t())}</dd>
            <dt>{move || b().mode_label}</dt>
            <dd>{move || mode.label(t())}</dd>
            {condition.map(|c| view! {
                <dt>{move || b().condition_label}</dt>
                <dd>{move || c.label(t())}</dd>
            })}
            <Fact label=|t| t.items_board.pickup_label value=item.pickup_notes.clone()/>
            <dt>{move || b().posted_by}</dt>
            <dd>{item.owner_name.clone()}</dd>
            <dt>{move || b().posted_on}</dt>
            <dd>{move || format_date(item.created_at, lang.get())}</dd>
            <dt>{move || b().expires_on}</dt>
            <dd>{move || format_date(item.expires_at, lang.get())}</dd>
        </dl>
        <p class="hint">{move || b().approx_place}</p>
        <LeafletAssets/>
        <PlaceMap lat=item.cell_lat lng=item.cell_lng name=item.title.clone() tiles=configured_tiles()/>
        <p class="page-foot">
            <A href="/items" attr:class="button button--secondary">{move || b().back_to_list}</A>
        </p>
    }
}
