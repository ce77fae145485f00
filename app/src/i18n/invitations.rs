//! Strings of invitations (to join a team, to link a cooperative member's account), for the invited
//! person and for the inviter, in both languages side by side.

pub struct InvitationTexts {
    pub heading: &'static str,
    /// `{org}` and `{name}` (who invited).
    pub coordinator_offer: &'static str,
    pub member_link_offer: &'static str,
    pub coordinator_means: &'static str,
    pub member_link_means: &'static str,
    pub accept: &'static str,
    pub decline: &'static str,
    /// Notices. `{org}`.
    pub invited_notice: &'static str,
    pub invited_to_link_notice: &'static str,
    /// The code field of a member link.
    pub code_label: &'static str,
    /// `{name}` accepted; `{org}`.
    pub coordinator_accepted_notice: &'static str,
    pub member_link_accepted_notice: &'static str,
    /// The owner's side of the team card.
    pub invite_label: &'static str,
    pub invite_hint: &'static str,
    pub invite_button: &'static str,
    pub sent: &'static str,
    pub sent_heading: &'static str,
    pub withdraw: &'static str,
    /// The coordinator's side of a member's account card. `{contact}`, `{code}`.
    pub member_link_waiting: &'static str,
    pub member_link_button: &'static str,
    pub member_link_hint: &'static str,
    pub joined: &'static str,
    pub waiting: &'static str,
}

pub const ZH: InvitationTexts = InvitationTexts {
    heading: "等你答复的邀请",
    coordinator_offer: "{name} 邀请你成为「{org}」的协调员",
    member_link_offer: "有合作社协调员邀请你把账号关联到你的成员档案",
    coordinator_means: "接受后，你可以编辑机构资料、管理活动和成员。",
    member_link_means: "接受后，你可以自己答复预约，查看自己的资料、同意记录和谁看过你的资料。如果你不是合作社成员，请婉拒。",
    accept: "接受",
    decline: "婉拒",
    invited_notice: "「{org}」邀请你成为协调员，请在「我的」里答复。",
    invited_to_link_notice: "有合作社协调员邀请你关联成员档案，请在「我的」里答复。",
    code_label: "协调员当面告诉你的 6 位数字",
    coordinator_accepted_notice: "{name} 接受了邀请，成为「{org}」的协调员。",
    member_link_accepted_notice: "{name} 接受了邀请，账号已关联到「{org}」的成员档案。",
    invite_label: "协调员的手机号或邮箱",
    invite_hint: "对方用这个手机号或邮箱登录（还没有账号的话先注册）后，在「我的」里接受邀请，才会成为协调员。",
    invite_button: "发送邀请",
    sent: "邀请已发出。对方接受后会加入团队。",
    sent_heading: "已发出的邀请",
    withdraw: "撤回",
    member_link_waiting: "已邀请 {contact} 关联账号。请当面告诉成员这 6 位数字：{code}。对方在「我的」里输入后即完成关联。",
    member_link_button: "邀请关联账号",
    member_link_hint: "成员有手机账号的话，邀请他们关联：对方接受后可以自己答复预约。",
    joined: "你已加入团队，成为协调员。",
    waiting: "等待答复",
};

pub const EN: InvitationTexts = InvitationTexts {
    heading: "Invitations waiting for your answer",
    coordinator_offer: "{name} invites you to coordinate \u{201c}{org}\u{201d}",
    member_link_offer: "A cooperative's coordinator invites you to link your account to your member record",
    coordinator_means: "If you accept, you can edit the organisation's profile and run its events and members.",
    member_link_means: "If you accept, you answer bookings yourself and see your own record, consents and who looked at it. If you are not a member of a cooperative, decline.",
    accept: "Accept",
    decline: "Decline",
    invited_notice: "\u{201c}{org}\u{201d} invites you to coordinate it. Answer on Me.",
    invited_to_link_notice: "A cooperative's coordinator invites you to link your member record. Answer on Me.",
    code_label: "The 6 digits the coordinator told you",
    coordinator_accepted_notice: "{name} accepted and now coordinates \u{201c}{org}\u{201d}.",
    member_link_accepted_notice: "{name} accepted: their account is linked to their member record at \u{201c}{org}\u{201d}.",
    invite_label: "Coordinator's mobile number or email",
    invite_hint: "They become a coordinator once they sign in with this number or email (signing up first if they have no account) and accept the invitation on Me.",
    invite_button: "Send invitation",
    sent: "Invitation sent. They join the team once they accept.",
    sent_heading: "Invitations sent",
    withdraw: "Withdraw",
    member_link_waiting: "{contact} is invited to link their account. Tell the member these 6 digits in person: {code}. The link is made once they type them on Me.",
    member_link_button: "Invite to link an account",
    member_link_hint: "If the member has an account, invite them to link it: once they accept, they answer bookings themselves.",
    joined: "You joined the team as a coordinator.",
    waiting: "Waiting for an answer",
};
