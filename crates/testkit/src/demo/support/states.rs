//! The states and kinds the desk's records take, with Intercom's names
//! for them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConversationState {
    Open,
    Closed,
    Snoozed,
}

impl ConversationState {
    pub fn as_str(self) -> &'static str {
        match self {
            ConversationState::Open => "open",
            ConversationState::Closed => "closed",
            ConversationState::Snoozed => "snoozed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    Comment,
    Note,
    Close,
    Snoozed,
}

impl PartKind {
    /// Intercom's `part_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Comment => "comment",
            PartKind::Note => "note",
            PartKind::Close => "close",
            PartKind::Snoozed => "snoozed",
        }
    }
}

/// A ticket's state, in workflow order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TicketState {
    Submitted,
    InProgress,
    WaitingOnCustomer,
    Resolved,
}

impl TicketState {
    /// Intercom's state category.
    pub fn category(self) -> &'static str {
        match self {
            TicketState::Submitted => "submitted",
            TicketState::InProgress => "in_progress",
            TicketState::WaitingOnCustomer => "waiting_on_customer",
            TicketState::Resolved => "resolved",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TicketState::Submitted => "Submitted",
            TicketState::InProgress => "In progress",
            TicketState::WaitingOnCustomer => "Waiting on customer",
            TicketState::Resolved => "Resolved",
        }
    }

    pub fn is_open(self) -> bool {
        self != TicketState::Resolved
    }
}
