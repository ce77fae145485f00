//! Server functions of 益享生活 that read: the list, one item, what the posting form needs.
//! (Posting itself is multipart: see `post`.)

use super::filter::{ItemFilter, PageMark};
use super::model::{Item, ItemRequest};
use crate::areas::model::Area;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One line of the list: the item and how far it is from the place chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCard {
    pub item: Item,
    pub distance_m: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemList {
    pub cards: Vec<ItemCard>,
    /// The areas one may measure distance from.
    pub areas: Vec<Area>,
    /// Where the next page starts, when there are older listings.
    pub older: Option<PageMark>,
}

/// An item for its page, and what the reader may do with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub item: Item,
    pub is_owner: bool,
    /// Still open to requests now.
    pub open: bool,
    pub signed_in: bool,
    /// Every request, for the owner only.
    pub requests: Vec<ItemRequest>,
    /// The reader's own request, if they asked.
    pub mine: Option<ItemRequest>,
    /// The community whose centre is nearest the listing's cell: where it is, in words (the page
    /// without JavaScript has no map).
    pub near: Option<Area>,
}

/// One page of the listings that can be asked for or watched, newest first, with distances when
/// a place is chosen. Unreadable filters are a 400 naming the filter.
#[server(endpoint = "items/list")]
pub async fn list_items(filter: ItemFilter) -> Result<ItemList, AppError> {
    use crate::geo::LatLng;
    let state = crate::state::use_app_state()?;
    let areas = crate::areas::cache::areas(&state).await?;
    let wanted = filter
        .wanted(|code| {
            areas
                .iter()
                .find(|a| a.code == code)
                .map(|a| (a.lat, a.lng))
        })
        .map_err(|bad| AppError::InvalidInput(bad.to_string()))?;
    let page = super::db::listed(
        &state.db,
        &wanted,
        crate::db::now_unix(),
        super::db::PAGE_SIZE,
    )
    .await?;
    let cards = page
        .items
        .into_iter()
        .filter_map(|item| {
            let distance_m = match &wanted.origin {
                Some(origin) => {
                    Some(origin.distance_to(LatLng::new(item.cell_lat, item.cell_lng))?)
                }
                None => None,
            };
            Some(ItemCard { item, distance_m })
        })
        .collect();
    Ok(ItemList {
        cards,
        areas: areas.to_vec(),
        older: page.older,
    })
}

/// One item. A listing hidden by reports is seen only by its owner and admins.
#[server(endpoint = "items/detail")]
pub async fn get_item(id: i64) -> Result<ItemView, AppError> {
    let state = crate::state::use_app_state()?;
    let item = super::db::find(state.db.pool(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = crate::accounts::auth::current_user(&state).await?;
    let is_owner = user.as_ref().is_some_and(|u| u.id == item.owner_id);
    let is_admin = user.as_ref().is_some_and(|u| u.is_admin);
    if item.hidden && !is_owner && !is_admin {
        return Err(AppError::NotFound);
    }
    let open = item.is_open(crate::db::now_unix());
    let mut conn = state.db.pool().acquire().await?;
    let requests = match is_owner {
        true => super::requests::of_item(&mut conn, id).await?,
        false => Vec::new(),
    };
    let mine = match &user {
        Some(user) if !is_owner => super::requests::mine(&mut conn, id, user.id).await?,
        _ => None,
    };
    let near = nearest_community(&crate::areas::cache::areas(&state).await?, &item);
    Ok(ItemView {
        item,
        is_owner,
        open,
        signed_in: user.is_some(),
        requests,
        mine,
        near,
    })
}

#[cfg(feature = "ssr")]
fn nearest_community(areas: &[Area], item: &super::model::Item) -> Option<Area> {
    use crate::areas::model::AreaKind;
    use crate::geo::LatLng;
    let cell = LatLng::new(item.cell_lat, item.cell_lng);
    areas
        .iter()
        .filter(|a| a.kind == AreaKind::Community)
        .min_by(|a, b| {
            let from = |area: &Area| cell.metres_to(LatLng::new(area.lat, area.lng));
            from(a).total_cmp(&from(b))
        })
        .cloned()
}

/// What the posting form offers: the communities to choose from and, for an organisation's
/// people, the resources where they may hand things out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemFormChoices {
    pub areas: Vec<Area>,
    pub points: Vec<crate::resources::model::HandoutPoint>,
}

/// Needs someone signed in.
#[server(endpoint = "items/form")]
pub async fn item_form() -> Result<ItemFormChoices, AppError> {
    use crate::accounts::auth::{authorize, Rule};
    let state = crate::state::use_app_state()?;
    let user = authorize(&state, Rule::SignedIn).await?;
    let pool = state.db.pool();
    Ok(ItemFormChoices {
        areas: crate::areas::cache::areas(&state).await?.to_vec(),
        points: crate::resources::db::handout_points(pool, user.id).await?,
    })
}
