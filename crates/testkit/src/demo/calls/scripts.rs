//! Short transcripts per kind of call, filled in with the customer, the
//! people on the call and the renewal figures, so that what was said agrees
//! with the CRM (renewal date, renewal amount).

use super::{Attendee, CallKind, Utterance};
use crate::demo::{Customer, DealType};

/// Who speaks a line: the host, the first and second customer contact,
/// or the other Northwind person on the call.
#[derive(Clone, Copy)]
enum Role {
    H,
    A,
    B,
    I,
}

use Role::*;

type Script = &'static [(Role, &'static str, &'static str)];

#[rustfmt::skip]
fn script(kind: CallKind) -> Script {
    match kind {
        CallKind::RenewalReview => &[
            (H, "Renewal", "Thanks for making time, {a}. The goal today is to walk through the renewal before {renewal}."),
            (A, "Renewal", "Sounds good. Usage has grown across the team this year, so we expect to renew. Procurement wants to see the final numbers."),
            (H, "Pricing", "The proposal is {amount} for the next term. That includes the seats you added in the spring."),
            (B, "Pricing", "That is higher than we budgeted. Is there flexibility on a two-year commitment?"),
            (H, "Pricing", "There is. I will bring a two-year option with a price lock to our next call."),
            (A, "Next Steps", "Great. Please send the updated order form and we will route it for signature."),
        ],
        CallKind::PricingNegotiation => &[
            (H, "Pricing", "I have the revised proposal: {amount}, with a price lock if we sign before {renewal}."),
            (A, "Pricing", "Finance asked whether the analytics add-on can be bundled at no extra cost."),
            (H, "Pricing", "I can include the add-on for the first year if we keep the three-year term."),
            (B, "Legal", "Our legal team still has comments on the data processing addendum."),
            (H, "Next Steps", "I will loop in our counsel so we can close those out this week."),
        ],
        CallKind::BusinessReview => &[
            (H, "Agenda", "Welcome everyone. Today we review adoption, open issues and the roadmap for {customer}."),
            (A, "Adoption", "Adoption is strong in operations. The finance team still exports data by hand, though."),
            (H, "Adoption", "We can set up scheduled exports for finance. I will send the guide."),
            (B, "Roadmap", "What we care about most next year is better alerting on data delays."),
            (H, "Roadmap", "Alerting improvements ship in the first quarter, and I will share the beta."),
            (A, "Next Steps", "Let us plan the next review for after the holidays."),
        ],
        CallKind::SupportEscalation => &[
            (H, "Escalation", "Thanks for joining on short notice. I brought {i} from our support team."),
            (A, "Escalation", "The nightly data sync failed three times this month and our reports came out empty."),
            (I, "Escalation", "We found the cause: a schema change on your side broke the mapping. A fix is in testing."),
            (B, "Escalation", "We need a date. The board pack depends on these reports."),
            (I, "Next Steps", "The fix ships Friday, and I will update the ticket as soon as it is live."),
            (H, "Next Steps", "I will check in with you on Monday to confirm everything is back to normal."),
        ],
        CallKind::Discovery => &[
            (H, "Introduction", "Thanks for the time, {a}. I would like to understand what you are trying to solve."),
            (A, "Pain Points", "Our team spends hours every week stitching together spreadsheets from three systems."),
            (H, "Pain Points", "How do you report on that today, and who reads the reports?"),
            (A, "Pain Points", "Mostly the leadership team, once a week. The numbers are always out of date."),
            (H, "Next Steps", "Let me set up a tailored demo with your own data next week."),
        ],
        CallKind::Onboarding => &[
            (H, "Kickoff", "Welcome aboard, {a}. Today we agree on the rollout plan and the owners."),
            (A, "Kickoff", "We want the first dashboards live within a month."),
            (I, "Implementation", "That is realistic. We start with the data connections this week."),
            (A, "Implementation", "Who should our IT team contact for the connection details?"),
            (H, "Next Steps", "I will send an intro email today with the onboarding checklist."),
        ],
        CallKind::Implementation => &[
            (H, "Agenda", "The goal today is to agree on the migration plan for {customer}."),
            (I, "Implementation", "We propose moving the reporting workloads first, then the real-time feeds."),
            (A, "Implementation", "Fine by us, as long as there is no downtime during business hours."),
            (I, "Implementation", "Cutovers run on weekends, with a rollback plan for each step."),
            (A, "Next Steps", "Send the runbook and we will confirm the dates."),
        ],
        CallKind::SecurityReview => &[
            (H, "Agenda", "We are here to go through the security questionnaire for {customer}."),
            (A, "Security", "Our main concerns are data residency and how access is audited."),
            (I, "Security", "Data stays in your region. Every access is logged and kept for a year."),
            (B, "Security", "We will need the latest penetration test report under NDA."),
            (H, "Next Steps", "I will send it today along with the completed questionnaire."),
        ],
        CallKind::CheckIn => &[
            (H, "Check-in", "Hi {a}, just checking in on how things are going since our last conversation."),
            (A, "Check-in", "Things are going well. The team likes the new dashboards."),
            (H, "Expansion", "Glad to hear it. Are there other teams who could use them?"),
            (A, "Expansion", "Possibly engineering. Let us talk about it in the new year."),
        ],
        CallKind::Forecast => &[
            (H, "Forecast", "Let us go through the renewals closing this quarter, starting with the largest."),
            (A, "Forecast", "Lion City Bank is in contract review. I expect the signature before the end of December."),
            (B, "Risk", "Helios Pharma worries me. Nobody there has taken a call with us since the summer."),
            (H, "Risk", "Let us get an executive sponsor to reach out to Helios this week."),
            (A, "Next Steps", "I will update the forecast in the CRM after today."),
        ],
    }
}

/// What customers with unresolved support tickets (see the support desk
/// data) raised in their renewal review, said by the second contact.
const CONCERNS: &[(&str, &str)] = &[
    (
        "acme-robotics.example",
        "Before we sign, the fleet sync failures since the agent 4.2 upgrade have to be fixed.",
    ),
    (
        "globex-logistics.example",
        "Procurement will ask about the stale Rotterdam dashboards. That has to be resolved first.",
    ),
    (
        "lioncity-bank.example",
        "We cannot sign until the gap in the audit log export is closed.",
    ),
];

/// The transcript of a call of `kind` among `attendees` (host first).
pub(super) fn transcript(
    kind: CallKind,
    customer: Option<&Customer>,
    attendees: &[Attendee],
) -> Vec<Utterance> {
    let internal: Vec<&Attendee> = attendees.iter().filter(|a| a.is_internal()).collect();
    let external: Vec<&Attendee> = attendees.iter().filter(|a| !a.is_internal()).collect();
    let host = internal[0];
    let (a, b, i) = if external.is_empty() {
        let a = internal.get(1).copied().unwrap_or(host);
        (
            a,
            internal.get(2).copied().unwrap_or(a),
            internal.get(3).copied().unwrap_or(host),
        )
    } else {
        let a = external[0];
        (
            a,
            external.get(1).copied().unwrap_or(a),
            internal.get(1).copied().unwrap_or(host),
        )
    };
    let first = |p: &Attendee| p.name.split(' ').next().unwrap_or_default().to_owned();
    let fill = |text: &str| {
        let mut out = text
            .replace("{a}", &first(a))
            .replace("{h}", &first(host))
            .replace("{i}", &first(i));
        if let Some(c) = customer {
            out = out
                .replace("{customer}", &c.name)
                .replace("{renewal}", &c.renewal_date.format("%B %-d").to_string())
                .replace("{amount}", &dollars(renewal_amount(c)));
        }
        out
    };

    let mut lines = script(kind).to_vec();
    let concern = customer.and_then(|c| CONCERNS.iter().find(|(d, _)| *d == c.domain));
    if let (CallKind::RenewalReview, Some(&(_, text))) = (kind, concern) {
        lines.insert(2, (B, "Open Issues", text));
    }
    let mut t = 1_500;
    lines
        .into_iter()
        .map(|(role, topic, text)| {
            let speaker = match role {
                H => host,
                A => a,
                B => b,
                I => i,
            };
            let sentences = sentences(&fill(text))
                .into_iter()
                .map(|s| {
                    let length = s.split_whitespace().count() as u64 * 380 + 500;
                    let timed = (t, t + length, s);
                    t += length + 250;
                    timed
                })
                .collect();
            t += 700;
            Utterance {
                speaker_email: speaker.email.clone(),
                topic: topic.to_owned(),
                sentences,
            }
        })
        .collect()
}

/// The renewal deal's amount, else the largest open deal's, else ARR.
fn renewal_amount(c: &Customer) -> u64 {
    c.deals
        .iter()
        .find(|d| d.deal_type == DealType::ExistingBusiness)
        .or_else(|| {
            c.deals
                .iter()
                .filter(|d| !d.stage.is_closed())
                .max_by_key(|d| d.amount)
        })
        .map_or(c.arr, |d| d.amount)
}

/// "$252,000".
fn dollars(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("${out}")
}

/// Splits after `.`, `?` or `!` followed by a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        current.push(ch);
        if matches!(ch, '.' | '?' | '!') && chars.peek() == Some(&' ') {
            chars.next();
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn helpers() {
        assert_eq!(super::dollars(252_000), "$252,000");
        assert_eq!(super::dollars(15_000), "$15,000");
        assert_eq!(super::dollars(999), "$999");
        assert_eq!(
            super::sentences("Hi there. How are you? Fine."),
            vec!["Hi there.", "How are you?", "Fine."]
        );
    }
}
