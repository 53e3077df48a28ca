//! `gong_list_calls`: recorded calls in a date range, optionally only
//! those with a participant ("me" = the caller) or a customer, paged up to
//! a limit. Gong filters by date; participant and company are matched here
//! against each call's parties, since Gong's API cannot filter on them.

use async_trait::async_trait;
use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::model::{CallsFilter, ExtensiveCall};
use crate::paging::{scan, Cursor};
use crate::shape::{self, CallSummary};
use crate::{args, Gong};

/// Gong pages (100 calls each) read per tool call, at most.
const MAX_PAGES: usize = 10;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    #[schemars(extend("format" = "date"))]
    pub from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub to: Option<String>,
    /// Attendee email, or "me".
    pub participant: Option<String>,
    /// Customer domain, or a name in the call title.
    pub company: Option<String>,
    /// Max calls (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// Oldest first.
    pub calls: Vec<CallSummary>,
    /// More calls remain to look through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

enum Company {
    Any,
    Domain(String),
    Name(String),
}

/// Which calls to keep.
struct Matcher {
    /// The participant's Gong user id, when they are a user.
    user_id: Option<String>,
    email: Option<String>,
    company: Company,
}

impl Matcher {
    fn keep(&self, call: &ExtensiveCall) -> bool {
        let parties: Vec<_> = call.parties.iter().flatten().collect();
        let attended = self.email.is_none()
            || parties.iter().any(|p| {
                (self.user_id.is_some() && p.user_id == self.user_id)
                    || p.email_address
                        .as_deref()
                        .zip(self.email.as_deref())
                        .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
            });
        let company = match &self.company {
            Company::Any => true,
            Company::Domain(d) => parties.iter().any(|p| {
                let domain = p.email_address.as_deref().and_then(|e| e.rsplit_once('@'));
                !shape::is_internal(p)
                    && domain.is_some_and(|(_, host)| {
                        let host = host.to_lowercase();
                        host == *d || host.ends_with(&format!(".{d}"))
                    })
            }),
            Company::Name(n) => call
                .meta_data
                .title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(n)),
        };
        attended && company
    }
}

pub struct ListCalls;

#[async_trait]
impl Tool for ListCalls {
    type State = Gong;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "gong_list_calls";
    const TITLE: &'static str = "List Gong calls";
    const DESCRIPTION: &'static str =
        "Recorded sales calls and meetings, oldest first; dates are inclusive, UTC.";
    const PERMISSION: &'static str = "gong:calls:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Gong,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::bounded("limit", a.limit, 20, 1, 100)?;
        let cursor = Cursor::parse(a.cursor.as_deref())?;
        let from = args::date("from", a.from.as_deref())?;
        let to = args::date("to", a.to.as_deref())?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(args::bad("from", "is after `to`"));
            }
        }
        let (email, is_me) = match args::text("participant", a.participant.as_deref())? {
            None => (None, false),
            Some(p) if p.eq_ignore_ascii_case("me") => {
                if !ctx.principal.email.contains('@') {
                    return Err(args::bad(
                        "participant",
                        "\"me\" needs a caller with an email address",
                    ));
                }
                // Identity comes from the credential, never from arguments.
                (Some(ctx.principal.email.to_lowercase()), true)
            }
            Some(p) => (Some(args::email("participant", &p)?), false),
        };
        let company = match args::text("company", a.company.as_deref())? {
            None => Company::Any,
            Some(c) if args::is_domain(&c) => Company::Domain(c.to_lowercase()),
            Some(c) => Company::Name(c.to_lowercase()),
        };

        let mut directory = None;
        let mut user_id = None;
        if let Some(email) = email.as_deref() {
            let dir = state.directory.directory(&state.client, ctx).await?;
            user_id = dir.user_id(email).map(str::to_owned);
            if is_me && user_id.is_none() {
                return Err(ConnectorError::not_found(format!(
                    "you ({email}) are not a Gong user, so Gong recorded no calls of yours"
                )));
            }
            directory = Some(dir);
        }
        let matcher = Matcher {
            user_id,
            email,
            company,
        };
        let filter = CallsFilter {
            from_date_time: from.map(midnight),
            to_date_time: to.map(|t| midnight(t.checked_add_days(Days::new(1)).unwrap_or(t))),
            call_ids: None,
        };
        let (calls, next_cursor) = scan(
            limit,
            cursor,
            MAX_PAGES,
            |c| matcher.keep(c),
            |page| state.client.calls_with_parties(ctx, &filter, page),
        )
        .await?;
        if directory.is_none() && calls.iter().any(shape::host_needs_directory) {
            directory = Some(state.directory.directory(&state.client, ctx).await?);
        }
        Ok(Output {
            calls: calls
                .iter()
                .map(|c| shape::summary(c, directory.as_deref()))
                .collect(),
            next_cursor,
        })
    }
}

/// Midnight UTC, the ISO-8601 form Gong's date filters take.
fn midnight(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}
