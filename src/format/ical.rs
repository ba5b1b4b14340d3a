//! iCalendar files (RFC 5545): one all-day event per dated item, written with the
//! `icalendar` crate, which folds lines at 75 octets, ends them with CRLF and escapes text
//! values. Nothing here reads the clock and events come in a stable order, so the same
//! entries give the same bytes; [`reader_text`] undoes the folding and escaping, giving
//! the text a calendar program shows (what the leak guard must search).

use crate::model::Date;
use icalendar::{Calendar, Component, EventLike, Property};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable across builds: a subscribed calendar updates the event instead of adding a
    /// second one.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: Option<String>,
}

/// One event already written as iCalendar text (`BEGIN:VEVENT` … `END:VEVENT`), with what
/// calendars sort it by. Written once per item: the internal calendar and an owner's
/// calendar hold the same events, and `serve` keeps each account's events between edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenEvent {
    pub date: Date,
    pub uid: String,
    pub text: String,
}

/// The calendar `name` holding `entries`, sorted by date then UID. `stamp` is the DTSTAMP
/// of every event (RFC 5545 requires one): the build's as-of date at 00:00:00 UTC, never
/// the clock, so two builds of the same input are identical.
pub fn write(name: &str, stamp: Date, entries: &[Entry]) -> String {
    let events: Vec<WrittenEvent> = entries.iter().map(|e| event(stamp, e)).collect();
    let mut sorted: Vec<&WrittenEvent> = events.iter().collect();
    sort(&mut sorted);
    assemble(name, &sorted)
}

/// Sorts events as every calendar lists them: by date, then UID.
pub fn sort(events: &mut [&WrittenEvent]) {
    events.sort_unstable_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
}

/// The event of `entry`, stamped `stamp`.
pub fn event(stamp: Date, entry: &Entry) -> WrittenEvent {
    let stamp = stamp.and_time(chrono::NaiveTime::MIN).and_utc();
    let mut event = icalendar::Event::new();
    event
        .uid(&entry.uid)
        .timestamp(stamp)
        .summary(&one_line(&entry.summary))
        .starts(entry.date)
        // DTEND of an all-day event is exclusive: the next day makes it one day long.
        .ends(entry.date.succ_opt().unwrap_or(entry.date))
        // A due date is a reminder, not a meeting that blocks the day.
        .add_property("TRANSP", "TRANSPARENT");
    if let Some(description) = &entry.description {
        event.description(&text(description));
    }
    WrittenEvent {
        date: entry.date,
        uid: entry.uid.clone(),
        // Writing into a String cannot fail; an empty event would only be the crate's bug.
        text: event.done().try_into_string().unwrap_or_default(),
    }
}

/// The calendar `name` holding `events` in the order given (see [`sort`]).
pub fn assemble(name: &str, events: &[&WrittenEvent]) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//rapport//rapport//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.name(&one_line(name));
    let head = calendar.to_string();
    // The crate writes the calendar's properties between BEGIN and END; events go before END.
    let head = head.strip_suffix(CALENDAR_END).unwrap_or(&head);
    let size = head.len() + events.iter().map(|e| e.text.len()).sum::<usize>();
    let mut out = String::with_capacity(size + CALENDAR_END.len());
    out.push_str(head);
    for event in events {
        out.push_str(&event.text);
    }
    out.push_str(CALENDAR_END);
    out
}

const CALENDAR_END: &str = "END:VCALENDAR\r\n";

/// A summary on one line: calendar programs show the first line only.
fn one_line(value: &str) -> String {
    text(value).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without the control characters RFC 5545 forbids in a TEXT value (all but tab; a
/// line break is kept, the crate escapes it as `\n`).
fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// The text a calendar program shows of `ics`: lines unfolded (a line break followed by a
/// space or tab is removed) and text escapes decoded, one property per line.
pub fn reader_text(ics: &str) -> String {
    let unfolded = ics
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    let mut out = String::with_capacity(unfolded.len());
    let mut chars = unfolded.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn entry(uid: &str, date: &str, summary: &str) -> Entry {
        Entry {
            uid: uid.into(),
            date: d(date),
            summary: summary.into(),
            description: None,
        }
    }

    #[test]
    fn writes_all_day_events_in_a_stable_order_without_the_clock() {
        let entries = [
            entry("b@rapport", "2026-09-30", "Later"),
            entry("a@rapport", "2026-07-01", "Sooner"),
        ];
        let ics = write("Plans", d("2026-06-15"), &entries);
        let reversed: Vec<Entry> = entries.iter().rev().cloned().collect();
        assert_eq!(ics, write("Plans", d("2026-06-15"), &reversed));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20260701\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20260702\r\n"), "{ics}");
        assert!(ics.contains("DTSTAMP:20260615T000000Z\r\n"), "{ics}");
        assert!(ics.contains("X-WR-CALNAME:Plans\r\n"), "{ics}");
        assert!(ics.find("Sooner").unwrap() < ics.find("Later").unwrap());
        // Every line ends with CRLF and none is longer than 75 octets.
        for line in ics.split_terminator("\r\n") {
            assert!(!line.contains('\n'), "{line:?}");
            assert!(line.len() <= 75, "{line:?}");
        }
    }

    #[test]
    fn long_and_special_text_reads_back_as_written() {
        let summary = "Ship the revised surcharge policy, with the price list; all of it \
                       (and the Überführung notes) before the quarterly business review";
        let mut e = entry("x@rapport", "2026-07-01", summary);
        e.description = Some("Line one\r\nline two, with a \\ backslash".into());
        let ics = write("Plans", d("2026-06-15"), &[e]);
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let read = reader_text(&ics);
        assert!(read.contains(summary), "{read}");
        assert!(
            read.contains("Line one\nline two, with a \\ backslash"),
            "{read}"
        );
    }

    #[test]
    fn events_written_one_by_one_assemble_into_what_the_crate_writes_whole() {
        let mut e = entry("b@rapport", "2026-07-01", "Ship it");
        e.description = Some("Goal: growth".into());
        let entries = [e, entry("a@rapport", "2026-07-01", "Sooner by UID")];
        let mut whole = Calendar::empty();
        for (key, value) in [
            ("VERSION", "2.0"),
            ("PRODID", "-//rapport//rapport//EN"),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
        ] {
            whole.append_property(Property::new(key, value));
        }
        whole.name("Plans");
        for entry in entries.iter().rev() {
            let mut event = icalendar::Event::new();
            event
                .uid(&entry.uid)
                .timestamp(d("2026-06-15").and_time(chrono::NaiveTime::MIN).and_utc())
                .summary(&entry.summary)
                .starts(entry.date)
                .ends(entry.date.succ_opt().unwrap())
                .add_property("TRANSP", "TRANSPARENT");
            if let Some(description) = &entry.description {
                event.description(description);
            }
            whole.push(event.done());
        }
        assert_eq!(write("Plans", d("2026-06-15"), &entries), whole.to_string());
        assert_eq!(
            assemble("Empty", &[]),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapport//rapport//EN\r\n\
             CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nNAME:Empty\r\nX-WR-CALNAME:Empty\r\nEND:VCALENDAR\r\n"
        );
    }

    #[test]
    fn control_characters_are_dropped_and_summaries_are_one_line() {
        let e = entry("x@rapport", "2026-07-01", "a\u{7}b\n  c");
        let ics = write("Plans", d("2026-06-15"), &[e]);
        assert!(ics.contains("SUMMARY:ab c\r\n"), "{ics}");
    }
}
