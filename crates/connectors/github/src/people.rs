//! Logins turned into people and back. GitHub payloads name people by
//! login only; `GET /users/{login}` gives the profile name and public
//! email (on GitHub Enterprise, usually the directory's), which is how an
//! author becomes "Erik Lindqvist <engineering@northwind.example>" and how
//! the caller's email becomes their login for "me". Profiles change
//! rarely, so both directions are cached in the connector for a while.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::UpstreamRequest;
use tokio::task::JoinSet;

use crate::client::{Api, Client};
use crate::model::{PublicUser, SearchResponse, User};
use crate::shape::Person;

/// Profiles looked up per call, at most; the rest show their login.
const MAX_LOOKUPS: usize = 20;
/// Accounts checked per email search.
const MAX_CANDIDATES: usize = 3;

#[derive(Debug, Default)]
struct Cache {
    people: HashMap<String, (Instant, Person)>,
    logins: HashMap<String, (Instant, Option<String>)>,
}

/// The shared cache (cheap to clone).
#[derive(Debug, Clone)]
pub struct People {
    ttl: Duration,
    cache: Arc<Mutex<Cache>>,
}

/// People by login for one call's output.
#[derive(Debug, Default)]
pub struct Directory(HashMap<String, Person>);

impl Directory {
    /// A directory of already known people (tests, composite tools).
    pub fn of(people: impl IntoIterator<Item = Person>) -> Directory {
        Directory(
            people
                .into_iter()
                .map(|p| (p.login.to_lowercase(), p))
                .collect(),
        )
    }

    /// The person behind `user`; their login alone if unknown.
    pub fn person(&self, user: &User) -> Person {
        self.0
            .get(&user.login.to_lowercase())
            .cloned()
            .unwrap_or_else(|| Person::login(&user.login))
    }

    pub fn opt(&self, user: Option<&User>) -> Option<Person> {
        user.map(|u| self.person(u))
    }
}

fn profile(p: &PublicUser) -> Person {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Person {
        login: p.login.clone(),
        name: clean(&p.name),
        email: clean(&p.email),
    }
}

async fn fetch(
    client: &Client,
    ctx: &CallContext,
    login: &str,
) -> Result<PublicUser, ConnectorError> {
    client
        .get(
            ctx,
            Api::Core,
            UpstreamRequest::get(format!("/users/{login}")),
        )
        .await
}

impl People {
    pub fn new(ttl: Duration) -> Self {
        People {
            ttl,
            cache: Arc::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn cached(&self, login: &str) -> Option<Person> {
        let cache = self.lock();
        let (at, p) = cache.people.get(&login.to_lowercase())?;
        (at.elapsed() < self.ttl).then(|| p.clone())
    }

    fn remember(&self, p: &Person) {
        self.lock()
            .people
            .insert(p.login.to_lowercase(), (Instant::now(), p.clone()));
    }

    /// Names and emails of `users` (bots and lookups that fail keep their
    /// login), profiles fetched concurrently.
    pub async fn resolve<'a>(
        &self,
        client: &Client,
        ctx: &CallContext,
        users: impl IntoIterator<Item = &'a User>,
    ) -> Directory {
        let mut dir = HashMap::new();
        let mut tasks = JoinSet::new();
        for u in users {
            let key = u.login.to_lowercase();
            // Only plain logins go into a URL path; bots have no profile.
            let plain = u
                .login
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if u.is_bot() || !plain || dir.contains_key(&key) {
                continue;
            }
            if let Some(p) = self.cached(&u.login) {
                dir.insert(key, p);
            } else if tasks.len() < MAX_LOOKUPS {
                dir.insert(key, Person::login(&u.login));
                let (client, ctx, login) = (client.clone(), ctx.clone(), u.login.clone());
                tasks.spawn(async move { (fetch(&client, &ctx, &login).await, login) });
            }
        }
        while let Some(done) = tasks.join_next().await {
            match done {
                Ok((Ok(p), _)) => {
                    let person = profile(&p);
                    self.remember(&person);
                    dir.insert(person.login.to_lowercase(), person);
                }
                // A deleted account ("ghost") has no profile: remember that.
                Ok((Err(e), login)) if e.kind == ErrorKind::NotFound => {
                    self.remember(&Person::login(&login))
                }
                Ok((Err(e), login)) => {
                    tracing::debug!(%login, error = %e.message, "GitHub profile lookup failed")
                }
                Err(e) => tracing::warn!(error = %e, "GitHub profile lookup task failed"),
            }
        }
        Directory(dir)
    }

    /// The GitHub login whose public email is `email` (the caller's, for
    /// "me"): a user search `in:email`, confirmed on the profile.
    pub async fn login_for(
        &self,
        client: &Client,
        ctx: &CallContext,
        email: &str,
    ) -> Result<Option<String>, ConnectorError> {
        let key = email.to_lowercase();
        if let Some((at, login)) = self.lock().logins.get(&key) {
            if at.elapsed() < self.ttl {
                return Ok(login.clone());
            }
        }
        let request = UpstreamRequest::get("/search/users")
            .query("q", format!("{email} in:email type:user"))
            .query("per_page", MAX_CANDIDATES);
        let found: SearchResponse<User> = client.get(ctx, Api::Search, request).await?;
        let mut login = None;
        let plain = |l: &str| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        for candidate in found
            .items
            .iter()
            .filter(|c| plain(&c.login))
            .take(MAX_CANDIDATES)
        {
            let p = profile(&fetch(client, ctx, &candidate.login).await?);
            self.remember(&p);
            if p.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
            {
                login = Some(p.login);
                break;
            }
        }
        self.lock()
            .logins
            .insert(key, (Instant::now(), login.clone()));
        Ok(login)
    }

    /// [`People::login_for`] the caller, or a clear error naming them.
    pub async fn caller_login(
        &self,
        client: &Client,
        ctx: &CallContext,
    ) -> Result<String, ConnectorError> {
        let email = ctx.principal.email.trim();
        if !email.contains('@') {
            return Err(ConnectorError::invalid_args(
                "\"me\" needs a caller with an email address",
            ));
        }
        self.login_for(client, ctx, email).await?.ok_or_else(|| {
            ConnectorError::not_found(format!(
                "no GitHub account has the public email {email}, so \"me\" cannot be resolved"
            ))
        })
    }
}
