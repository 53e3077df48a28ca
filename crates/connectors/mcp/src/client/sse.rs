//! An incremental `text/event-stream` parser: Streamable HTTP responses
//! interleave notifications and server-to-client requests before the
//! response, so events must be handled as they arrive, not after the body
//! ends.

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    pub id: Option<String>,
    pub event: Option<String>,
    pub data: String,
}

/// Feed bytes in, take complete events out.
#[derive(Debug, Default)]
pub struct Parser {
    buffer: Vec<u8>,
    current: Event,
    has_data: bool,
    /// Bytes buffered without a line end; a stream that never ends a line
    /// is garbage, not an event.
    limit: usize,
}

/// The most bytes one line may hold before the stream is refused.
pub const MAX_LINE: usize = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("an event-stream line exceeds {0} bytes")]
pub struct LineTooLong(pub usize);

impl Parser {
    pub fn new() -> Self {
        Parser {
            limit: MAX_LINE,
            ..Parser::default()
        }
    }

    /// Adds bytes; returns the events they completed.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<Vec<Event>, LineTooLong> {
        self.buffer.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut start = 0;
        while let Some(pos) = self.buffer[start..].iter().position(|b| *b == b'\n') {
            let end = start + pos;
            let mut line = &self.buffer[start..end];
            if line.last() == Some(&b'\r') {
                line = &line[..line.len() - 1];
            }
            let line = String::from_utf8_lossy(line).into_owned();
            start = end + 1;
            if let Some(event) = self.line(&line) {
                events.push(event);
            }
        }
        self.buffer.drain(..start);
        if self.buffer.len() > self.limit.max(1) {
            return Err(LineTooLong(self.limit));
        }
        Ok(events)
    }

    /// The stream ended: a final event without its blank line still counts.
    pub fn finish(&mut self) -> Option<Event> {
        if !self.buffer.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.buffer)).into_owned();
            if let Some(event) = self.line(rest.trim_end_matches('\r')) {
                return Some(event);
            }
        }
        self.dispatch()
    }

    fn line(&mut self, line: &str) -> Option<Event> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None; // comment / keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "data" => {
                if self.has_data {
                    self.current.data.push('\n');
                }
                self.current.data.push_str(value);
                self.has_data = true;
            }
            "event" => self.current.event = Some(value.to_owned()),
            "id" => self.current.id = Some(value.to_owned()),
            _ => {} // retry and unknown fields
        }
        None
    }

    fn dispatch(&mut self) -> Option<Event> {
        let event = std::mem::take(&mut self.current);
        let had = std::mem::replace(&mut self.has_data, false);
        // Events without data (priming events carry only an id) are not
        // messages.
        had.then_some(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_split_across_chunks() {
        let mut p = Parser::new();
        assert!(p.feed(b"id: 0\nretry: 3000\n\n").unwrap().is_empty());
        assert!(p.feed(b"event: message\ndata: {\"a\"").unwrap().is_empty());
        let events = p
            .feed(b":1}\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\n")
            .unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].data, "{\"a\":1}");
        assert_eq!(events[0].event.as_deref(), Some("message"));
        assert_eq!(events[1].data, "x\ny");
        assert!(p.feed(b"data: last").unwrap().is_empty());
        assert_eq!(p.finish().unwrap().data, "last");
    }
}
