//! Inline SVG charts drawn in Rust: score trends per criterion and the health sparkline.
//! No JavaScript and no external assets, so pages print and travel as they are.

use super::escape_html as escape;
use std::fmt::Write as _;

/// One line of a chart: a name and one value per x position (`None` = gap).
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// A tooltip per point, shown on hover (`None`: the point has none).
    pub hover: Vec<Option<String>>,
}

/// Colours that stay distinct in print and for common colour blindness.
const PALETTE: [&str; 8] = [
    "#1f5fa8", "#d0731f", "#2e8b57", "#a83262", "#6a4fb3", "#8c6d1f", "#17868f", "#555555",
];

/// A line chart of 1..5 scores per criterion over the reviewed quarters, with a legend and
/// `label` for screen readers. Empty when there is nothing to draw.
pub fn score_trend(quarters: &[String], series: &[Series], label: &str) -> String {
    if quarters.is_empty() || series.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return String::new();
    }
    let (left, top, plot_w, plot_h) = (34.0, 12.0, 520.0, 160.0);
    let legend_h = 18.0 * series.len() as f64;
    let (width, height) = (left + plot_w + 30.0, top + plot_h + 30.0 + legend_h);
    let step = if quarters.len() > 1 {
        plot_w / (quarters.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| {
        if quarters.len() > 1 {
            left + step * i as f64
        } else {
            left + plot_w / 2.0
        }
    };
    let y = |score: f64| top + plot_h - (score.clamp(1.0, 5.0) - 1.0) * plot_h / 4.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(label)
    );
    for score in 1..=5 {
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end">{score}</text>"##,
            left + plot_w,
            left - 8.0,
            y(score as f64) + 4.0,
            y = y(score as f64)
        );
    }
    for (i, quarter) in quarters.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#,
            x(i),
            top + plot_h + 18.0,
            escape(quarter)
        );
    }
    for (n, line) in series.iter().enumerate() {
        let colour = PALETTE[n % PALETTE.len()];
        let mut path = String::new();
        let mut pen_down = false;
        for (i, value) in line.values.iter().enumerate() {
            match value {
                Some(v) => {
                    let _ = write!(
                        path,
                        "{}{:.1},{:.1} ",
                        if pen_down { "L" } else { "M" },
                        x(i),
                        y(*v)
                    );
                    match line.hover.get(i).and_then(Option::as_deref) {
                        Some(title) => write!(
                            svg,
                            r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{colour}"><title>{}</title></circle>"#,
                            x(i),
                            y(*v),
                            escape(title)
                        ),
                        None => write!(
                            svg,
                            r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{colour}"/>"#,
                            x(i),
                            y(*v)
                        ),
                    }
                    .unwrap_or_default();
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !path.is_empty() {
            let _ = write!(
                svg,
                r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                path.trim_end()
            );
        }
        let ly = top + plot_h + 34.0 + 18.0 * n as f64;
        let _ = write!(
            svg,
            r#"<rect x="{left}" y="{:.1}" width="12" height="4" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12">{}</text>"#,
            ly - 6.0,
            left + 18.0,
            ly,
            escape(&line.name)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A small health sparkline over 0..100, with `label` for screen readers; empty with fewer
/// than two points.
pub fn sparkline(points: &[Option<f64>], label: &str) -> String {
    if points.iter().filter(|p| p.is_some()).count() < 2 {
        return String::new();
    }
    let (width, height) = (90.0, 22.0);
    let step = width / (points.len() - 1).max(1) as f64;
    let mut path = String::new();
    let mut pen_down = false;
    let mut last = (0.0, 0.0);
    for (i, point) in points.iter().enumerate() {
        match point {
            Some(score) => {
                let (px, py) = (
                    i as f64 * step + 2.0,
                    2.0 + (height - 4.0) * (1.0 - score.clamp(0.0, 100.0) / 100.0),
                );
                let _ = write!(path, "{}{px:.1},{py:.1} ", if pen_down { "L" } else { "M" });
                pen_down = true;
                last = (px, py);
            }
            None => pen_down = false,
        }
    }
    format!(
        r##"<svg class="spark" role="img" aria-label="{}" viewBox="0 0 {w:.0} {height:.0}" width="{w:.0}" height="{height:.0}" xmlns="http://www.w3.org/2000/svg"><path d="{}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/><circle cx="{:.1}" cy="{:.1}" r="2" fill="#1f5fa8"/></svg>"##,
        escape(label),
        path.trim_end(),
        last.0,
        last.1,
        w = width + 4.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_chart_escapes_names_and_draws_each_series() {
        let quarters = vec!["2026-Q1".to_string(), "2026-Q2".to_string()];
        let series = vec![
            Series {
                name: "<b>Reliability</b>".into(),
                values: vec![Some(2.0), Some(4.0)],
                hover: vec![
                    None,
                    Some("Reliability 2026-Q2: 4 (executive 5, <b>manager</b> 3)".into()),
                ],
            },
            Series {
                name: "Price".into(),
                values: vec![None, Some(3.0)],
                hover: Vec::new(),
            },
        ];
        let svg = score_trend(&quarters, &series, "Scores \"per\" criterion");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Scores &quot;per&quot; criterion""#));
        assert!(svg.contains("&lt;b&gt;Reliability&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
        assert_eq!(svg.matches("<path").count(), 2);
        // A point scored by level carries its levels as a tooltip; the others none.
        assert_eq!(svg.matches("<title>").count(), 1);
        assert!(svg.contains(
            "<title>Reliability 2026-Q2: 4 (executive 5, &lt;b&gt;manager&lt;/b&gt; 3)</title>"
        ));
    }

    #[test]
    fn nothing_to_draw_gives_no_chart() {
        assert_eq!(score_trend(&[], &[], "x"), "");
        assert_eq!(sparkline(&[Some(50.0)], "x"), "");
        let spark = sparkline(&[Some(50.0), Some(70.0)], "Zustand");
        assert!(spark.contains("<path") && spark.contains(r#"aria-label="Zustand""#));
    }
}
