//! What this domain refuses and why: each refusal's HTTP status here, its words in
//! `app/locales/<language>/events.json` under `refusals`.

crate::refusals! {
    /// Why an event's form, a sign-up, a check-in or a roster change was refused.
    pub enum EventRefusal in events {
        /// The organisation chosen to run an event is not one the person runs.
        OrgInvalid = org_invalid, BAD_REQUEST;
        TitleInvalid = title_invalid, BAD_REQUEST;
        CategoryInvalid = category_invalid, BAD_REQUEST;
        /// A start or end time is missing or not a time.
        TimeInvalid = time_invalid, BAD_REQUEST;
        /// The end is not after the start, or the event is longer than a week.
        EndsBeforeStart = ends_before_start, BAD_REQUEST;
        /// A sign-up or cancellation deadline is not a time before the start.
        DeadlineInvalid = deadline_invalid, BAD_REQUEST;
        CapacityInvalid = capacity_invalid, BAD_REQUEST;
        /// Fewer seats than people already holding one.
        CapacityBelowTaken = capacity_below_taken, CONFLICT;
        /// The check-in code typed is not the one shown now.
        CheckinCodeWrong = checkin_code_wrong, BAD_REQUEST;
        /// Codes work only during the event (with a margin either side).
        CheckinClosed = checkin_closed, CONFLICT;
        /// The person holds no seat, and the event takes no walk-ins.
        CheckinNotJoined = checkin_not_joined, CONFLICT;
        /// Attendance can be marked only once the event is under way.
        AttendanceTooEarly = attendance_too_early, CONFLICT;
        /// No-shows are recorded once the event is over.
        NotOver = not_over, CONFLICT;
        /// A series repeats in a way the form does not offer.
        RepeatInvalid = repeat_invalid, BAD_REQUEST;
        /// A series' last day is not a day between its first occurrence and two years later.
        RepeatUntilInvalid = repeat_until_invalid, BAD_REQUEST;
        /// An event with hours recorded keeps its start and end.
        TimeLocked = time_locked, CONFLICT;
        /// Nobody adds, confirms or rejects hours for themselves.
        OwnHours = own_hours, FORBIDDEN;
        /// Hours beyond the event's length, approved by the organiser who recorded them.
        NeedsAnotherReviewer = needs_another_reviewer, CONFLICT;
    }
}
