//! What every board page shares: the months chosen in the address, loading the board, the heading,
//! the period form — and, when the months cannot be read, the form again under a 400.

use super::api::{org_dashboard, OrgBoard};
use super::columns::Label;
use crate::dashboard::PeriodRefusal;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::shell::{page_error, set_status, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{de::DeserializeOwned, Serialize};

/// The `from` and `to` months of the address (empty when not given).
pub fn chosen_months() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        (
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
        )
    }
}

/// An organisation's board for the months of the address (the organisation is the address's).
pub fn org_board(
    chosen: impl Fn() -> (String, String) + Copy + Send + Sync + 'static,
) -> Resource<Result<OrgBoard, AppError>> {
    let id = crate::orgs::use_org_id();
    Resource::new(
        move || (id.get(), chosen()),
        |(id, (from, to))| async move {
            match id {
                Some(id) => org_dashboard(id, from, to).await,
                None => Err(AppError::NotFound),
            }
        },
    )
}

/// A board page: `render` once `data` has loaded; the form again with why if the months could not
/// be read; the error page otherwise.
pub fn board_page<T>(
    title: Label,
    lead: Label,
    data: Resource<Result<T, AppError>>,
    chosen: impl Fn() -> (String, String) + Copy + Send + Sync + 'static,
    render: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
{
    let lang = use_lang();
    view! {
        <PageTitle text=title(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(board) => render(board),
                    Err(error) if error == PeriodRefusal::PeriodInvalid => {
                        let (from, to) = chosen();
                        period_refused(title, lead, from, to)
                    }
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

/// The months could not be read: the form again, with why, under a 400.
fn period_refused(title: Label, lead: Label, from: String, to: String) -> AnyView {
    let lang = use_lang();
    set_status(http::StatusCode::BAD_REQUEST);
    view! {
        <Head title lead/>
        <p class="form-error" role="alert">{move || PeriodRefusal::PeriodInvalid.message(lang.get())}</p>
        <PeriodForm from to/>
    }
    .into_any()
}

/// The page's heading, under the organisation's name when it is one organisation's.
#[component]
pub fn Head(
    title: Label,
    lead: Label,
    #[prop(default = None)] org: Option<(i64, String)>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page-head">
            {org.map(|(id, name)| view! {
                <p class="org-head__kind"><a href=format!("/orgs/{id}")>{name}</a></p>
            })}
            <h1>{move || title(lang.get())}</h1>
            <p class="page-head__lead">{move || lead(lang.get())}</p>
        </div>
    }
}

/// The months shown, as a GET form (works without JavaScript).
#[component]
pub fn PeriodForm(from: String, to: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <form method="get" class="card form period-form" data-testid="period-form">
            <div class="period-form__fields">
                <label>
                    <span>{move || crate::locales::dashboard::from_label(lang.get())}</span>
                    <input type="month" name="from" value=from min="2000-01" max="2100-12"/>
                </label>
                <label>
                    <span>{move || crate::locales::dashboard::to_label(lang.get())}</span>
                    <input type="month" name="to" value=to min="2000-01" max="2100-12"/>
                </label>
            </div>
            <button type="submit" class="button button--secondary">{move || crate::locales::dashboard::show(lang.get())}</button>
        </form>
    }
}
