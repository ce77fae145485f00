//! A page about one record named in its address (`/events/{id}/…`, `/verify/{serial}`): it loads
//! the record with a server function and shows it, or the page for the error (sign in,
//! forbidden, not found — also when the address part does not parse).

use super::page_error;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;
use std::str::FromStr;

pub fn param_page<K, T, Fut>(
    param: &'static str,
    load: fn(K) -> Fut,
    body: fn(T) -> AnyView,
) -> impl IntoView
where
    K: FromStr + Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get(param).and_then(|v| v.parse::<K>().ok()));
    let data = Resource::new(
        move || key.get(),
        move |key| async move {
            match key {
                Some(key) => load(key).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => body(data),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}
