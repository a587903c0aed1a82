//! Links never break: every link of `tests/links/corpus.json` (links as the page wrote them,
//! kept format by format; see `tests/links/README.md`) must still be restored by the model, write
//! back the state recorded with it, and give the settings the page showed when it wrote it.
//! The browser test `tests/browser/links_corpus.test.mjs` loads the same links in the page.

use std::collections::BTreeMap;
use std::path::PathBuf;

use gumbel_explorer::model::url::{from_state, to_state};
use gumbel_explorer::model::ObjectiveKind;

/// One recorded link.
struct Entry {
    format: u32,
    name: String,
    link: String,
    state: String,
    /// The page's fields and readouts by element id (see tests/links/shown.mjs).
    shown: BTreeMap<String, String>,
}

/// The corpus, read from its pretty-printed JSON: one `"key": value` per line, strings without
/// escapes (the recorder writes it so; links and readouts need none).
fn corpus() -> Vec<Entry> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/links/corpus.json");
    let text = std::fs::read_to_string(&path).expect("read tests/links/corpus.json");
    assert!(
        !text.contains('\\'),
        "the corpus must stay free of JSON escapes"
    );
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_shown = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("\"shown\": {") {
            in_shown = true;
            continue;
        }
        if line.starts_with('}') {
            in_shown = false;
            continue;
        }
        let Some((key, value)) = line.split_once("\": ") else {
            continue;
        };
        let key = key.trim_start_matches('"');
        let value = value.trim_end_matches(',');
        if key == "format" {
            entries.push(Entry {
                format: value.parse().expect("format is a whole number"),
                name: String::new(),
                link: String::new(),
                state: String::new(),
                shown: BTreeMap::new(),
            });
            continue;
        }
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .map(str::to_string);
        let (Some(entry), Some(value)) = (entries.last_mut(), value) else {
            continue;
        };
        match (in_shown, key) {
            (true, _) => {
                entry.shown.insert(key.to_string(), value);
            }
            (false, "name") => entry.name = value,
            (false, "link") => entry.link = value,
            (false, "state") => entry.state = value,
            _ => {}
        }
    }
    entries
}

/// A number as the page's fields write it (a true minus sign allowed).
fn field_number(text: &str) -> f64 {
    text.trim()
        .replace('\u{2212}', "-")
        .parse()
        .unwrap_or_else(|_| panic!("\"{text}\" is not a number"))
}

/// The fields print four significant digits: `shown` must be `value` to that precision.
fn same_4_digits(value: f64, shown: &str) -> bool {
    let s = field_number(shown);
    (value - s).abs() <= 5e-4 * value.abs().max(s.abs()) + 1e-300
}

#[test]
fn the_corpus_covers_every_format_and_kind_of_link() {
    let entries = corpus();
    assert!(entries.len() >= 25, "only {} links", entries.len());
    for name in [
        "defaults",
        "k at its maximum",
        "N at its maximum",
        "logits typed",
    ] {
        assert!(
            entries.iter().any(|e| e.name == name),
            "no link named {name}"
        );
    }
    for e in &entries {
        assert!(e.format >= 1 && !e.link.is_empty() && !e.state.is_empty());
        assert!(
            e.shown.len() >= 20,
            "{}: only {} readouts",
            e.name,
            e.shown.len()
        );
    }
}

#[test]
fn every_link_restores_and_writes_back_its_recorded_state() {
    for e in corpus() {
        let settings = from_state(&e.link)
            .unwrap_or_else(|err| panic!("{} (format {}): {err:?}", e.name, e.format));
        assert_eq!(
            to_state(&settings),
            e.state,
            "{}: the state written back",
            e.name
        );
        // The written-back state is a link of today's format: it restores to itself.
        let again = from_state(&e.state).unwrap_or_else(|err| panic!("{}: {err:?}", e.name));
        assert_eq!(to_state(&again), e.state, "{}: not a fixed point", e.name);
    }
}

#[test]
fn every_link_gives_the_settings_the_page_showed() {
    for e in corpus() {
        let s = from_state(&e.link).unwrap_or_else(|err| panic!("{}: {err:?}", e.name));
        let shown = |id: &str| -> &str {
            e.shown
                .get(id)
                .map(String::as_str)
                .unwrap_or_else(|| panic!("{}: no readout {id}", e.name))
        };
        let name = &e.name;
        assert_eq!(s.k().to_string(), shown("k"), "{name}: k");
        assert_eq!(s.k().to_string(), shown("k-out"), "{name}: k");
        assert!(same_4_digits(s.tau(), shown("tau-text")), "{name}: τ");
        assert_eq!(s.samples().to_string(), shown("samples-text"), "{name}: N");
        assert_eq!(s.seed().to_string(), shown("seed"), "{name}: seed");
        assert_eq!(s.step().to_string(), shown("step"), "{name}: step");
        let kind = match s.objective_kind() {
            ObjectiveKind::Linear => "linear",
            ObjectiveKind::SquaredDistance => "squared",
        };
        assert_eq!(kind, shown("objective"), "{name}: objective");
        let values: Vec<&str> = shown("objective-values").split(", ").collect();
        assert_eq!(
            values.len(),
            s.objective_values().len(),
            "{name}: objective values"
        );
        for (v, text) in s.objective_values().iter().zip(values) {
            assert!(
                same_4_digits(*v, text),
                "{name}: objective value {v} shown as {text}"
            );
        }
        for (i, p) in s.probs().iter().enumerate() {
            let text = shown(&format!("pi-out-{i}"));
            assert!(
                (p - field_number(text)).abs() <= 5e-4,
                "{name}: π{i} = {p}, shown {text}"
            );
        }
        let sch = s.schedule();
        for (v, id) in [
            (sch.tau0, "sched-tau0"),
            (sch.rate, "sched-rate"),
            (sch.tau_min, "sched-min"),
        ] {
            assert!(same_4_digits(v, shown(id)), "{name}: {id}");
        }
        assert_eq!(sch.update_every.to_string(), shown("sched-every"), "{name}");
        let c = s.cost();
        for (v, id) in [(c.d, "cost-d"), (c.i, "cost-i"), (c.g, "cost-g")] {
            assert!(same_4_digits(v, shown(id)), "{name}: {id}");
        }
        assert_eq!(c.k.to_string(), shown("cost-k"), "{name}: cost k");
    }
}
