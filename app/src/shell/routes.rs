use super::layout::Layout;
use super::notice::NotFound;
use crate::i18n::provide_i18n;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = provide_i18n();
    // On the server the language is fixed for the request, and the title is formatted after the
    // page's reactive owner may be gone (404 pages rendered by the fallback handler panicked under
    // load): read it once. In the browser it follows the language switch.
    #[cfg(feature = "ssr")]
    let app_name = {
        let name = crate::locales::shell::app_name(lang.get_untracked());
        move || name
    };
    #[cfg(not(feature = "ssr"))]
    let app_name = { move || crate::locales::shell::app_name(lang.get()) };

    view! {
        <Html {..} lang=lang.get_untracked().code()/>
        <Title formatter=move |page: String| {
            let app_name = app_name();
            let title = if page.is_empty() || page.starts_with(app_name) { page } else { format!("{page} · {app_name}") };
            super::page_title::escaped_on_server(title)
        }/>
        <Router>
            <Layout
                language_switch=|| view! { <crate::accounts::LanguageSwitch/> }
                me_badge=|| view! { <crate::notifications::UnreadBadge/> }
            >
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=crate::home::HomePage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("events") view=crate::events::EventListPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("items") view=crate::items::ItemListPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("items"), StaticSegment("new")) view=crate::items::NewItemPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("items"), ParamSegment("id")) view=crate::items::ItemPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("items"), StaticSegment("requests"), ParamSegment("id"))
                        view=crate::items::RequestPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("help") view=crate::help::HelpPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("help"), ParamSegment("id")) view=crate::help::MemberPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("help"), ParamSegment("id"), StaticSegment("edit"))
                        view=crate::help::MemberEditorPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("help"), StaticSegment("bookings"), ParamSegment("id"))
                        view=crate::help::BookingPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("map") view=crate::map::MapPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("me") view=crate::me::MePage ssr=SsrMode::InOrder/>
                    <Route path=(StaticSegment("me"), StaticSegment("notifications"))
                        view=Inbox ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("me"), StaticSegment("contact"))
                        view=crate::contacts::ContactPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("me"), StaticSegment("hours"))
                        view=crate::volunteering::VolunteerRecordPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("me"), StaticSegment("certificates"), ParamSegment("serial"))
                        view=crate::volunteering::CertificatePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("verify"), ParamSegment("serial"))
                        view=crate::volunteering::VerifyPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("signin") view=crate::accounts::SignInPage/>
                    <Route path=StaticSegment("signup") view=crate::contacts::SignUpPage/>
                    <Route path=(StaticSegment("signin"), StaticSegment("code")) view=crate::contacts::CodeSignInPage/>
                    <Route path=(StaticSegment("signin"), StaticSegment("reset")) view=crate::contacts::ResetPasswordPage/>
                    <Route path=StaticSegment("orgs") view=crate::orgs::OrgDirectoryPage ssr=SsrMode::InOrder/>
                    // Async: these may answer 302 (sign in first), 403 or 404, so nothing is sent before they know.
                    <Route path=(StaticSegment("orgs"), StaticSegment("new")) view=crate::orgs::RegisterOrgPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id")) view=OrgProfile
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("edit"))
                        view=crate::orgs::EditOrgPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("dashboard"))
                        view=crate::dashboard::OrgDashboardPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("report"))
                        view=crate::dashboard::OrgReportPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("certificates"))
                        view=crate::volunteering::OrgCertificatesPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("members"))
                        view=crate::help::CoopMembersPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("orgs"), ParamSegment("id"), StaticSegment("members"), StaticSegment("new"))
                        view=crate::help::NewMemberPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("dashboard"))
                        view=crate::dashboard::PlatformDashboardPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("report"))
                        view=crate::dashboard::PlatformReportPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("items")) view=crate::items::ModerationQueuePage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("orgs")) view=crate::orgs::ReviewQueuePage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), StaticSegment("new")) view=crate::events::NewEventPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id")) view=crate::events::EventPage
                        ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id"), StaticSegment("edit"))
                        view=crate::events::EditEventPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id"), StaticSegment("roster"))
                        view=crate::events::RosterPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id"), StaticSegment("checkin"))
                        view=crate::events::CheckinPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id"), StaticSegment("checkin"), StaticSegment("code"))
                        view=crate::events::CheckinCodePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("events"), ParamSegment("id"), StaticSegment("hours"))
                        view=crate::volunteering::EventHoursPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("resources"), StaticSegment("new"))
                        view=crate::resources::NewResourcePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("resources"), ParamSegment("id"))
                        view=crate::resources::ResourcePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("resources"), ParamSegment("id"), StaticSegment("edit"))
                        view=crate::resources::EditResourcePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

/// An organisation's profile, with what the dashboard and the events board show on it.
#[component]
fn OrgProfile() -> impl IntoView {
    let sections = crate::orgs::ProfileSections {
        impact: |org| view! { <crate::dashboard::ImpactCard org/> }.into_any(),
        events: |org_id| view! { <crate::events::OrgEventsSection org_id/> }.into_any(),
    };
    view! { <crate::orgs::OrgProfilePage sections/> }
}

/// The inbox, with the invitations waiting for an answer above it.
#[component]
fn Inbox() -> impl IntoView {
    view! {
        <crate::notifications::InboxPage>
            <crate::me::InvitationsCard/>
        </crate::notifications::InboxPage>
    }
}
