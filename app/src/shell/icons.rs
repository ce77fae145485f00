use leptos::prelude::*;

/// Line icons drawn for the five boards (24×24, stroke follows the text colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Events,
    Items,
    Help,
    Map,
    Me,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            // a heart held by a hand
            Icon::Events => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z M3 21h18",
            // a gift box
            Icon::Items => "M4 10h16v10H4z M3 7h18v3H3z M12 7v13 M12 7c-1.5-3-5-3-5-1s3 1 5 1c2 0 5 1 5-1s-3.5-2-5 1",
            // two people side by side
            Icon::Help => "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M2 20c0-3.3 2.7-6 6-6s6 2.7 6 6 M14.5 14.2A6 6 0 0 1 22 20",
            // a map pin
            Icon::Map => "M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11z M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z",
            // a person
            Icon::Me => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8",
        }
    }

    pub fn view(self) -> impl IntoView {
        view! {
            <svg
                class="icon"
                viewBox="0 0 24 24"
                width="24"
                height="24"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
                aria-hidden="true"
                focusable="false"
            >
                <path d=self.path()/>
            </svg>
        }
    }
}
