//! Bar charts drawn on the server as SVG — readable without JavaScript, printable — next to a
//! table of the same numbers. Each bar carries its value (`data-value`, and a tooltip), written by
//! the same formatter as the table's cell, so chart and table cannot disagree.

use leptos::prelude::*;

/// One series of a chart: several series stack in each month's bar.
#[derive(Clone)]
pub struct Series {
    /// What the legend and the tooltips call it.
    pub name: String,
    /// Its key in `data-series` (the table's column has the same key).
    pub key: &'static str,
    /// The CSS class that colours it.
    pub class: &'static str,
    pub values: Vec<i64>,
}

/// Height of the bars' area, in the SVG's units.
const PLOT_HEIGHT: f64 = 120.0;
/// Room above the tallest bar (its value) and below the bars (the months).
const TOP: f64 = 16.0;
const AXIS: f64 = 18.0;
/// Width given to each month, and the gap between bars.
const SLOT: f64 = 30.0;
const GAP: f64 = 6.0;

/// The height of a bar of `value` when the tallest stack is `max` (nothing when all are 0).
pub fn bar_height(value: i64, max: i64) -> f64 {
    if max <= 0 || value <= 0 {
        0.0
    } else {
        value as f64 / max as f64 * PLOT_HEIGHT
    }
}

/// Each month's stacked total.
pub fn stack_totals(series: &[Series], months: usize) -> Vec<i64> {
    (0..months)
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect()
}

/// A stacked bar chart of `series` over the months (`keys` for the data, `labels` under the bars).
#[component]
pub fn BarChart(
    title: String,
    keys: Vec<String>,
    labels: Vec<&'static str>,
    series: Vec<Series>,
    format: fn(i64) -> String,
) -> impl IntoView {
    let months = keys.len();
    let totals = stack_totals(&series, months);
    let max = totals.iter().copied().max().unwrap_or(0);
    let width = SLOT * months.max(1) as f64;
    let base = TOP + PLOT_HEIGHT;
    let height = base + AXIS;
    let legend = (series.len() > 1).then(|| {
        series
            .iter()
            .map(|s| {
                view! { <li><span class=format!("chart__swatch {}", s.class) aria-hidden="true"></span>{s.name.clone()}</li> }
            })
            .collect_view()
    });
    let bars = (0..months)
        .map(|i| {
            let x = SLOT * i as f64 + GAP / 2.0;
            let mut top = base;
            let parts = series
                .iter()
                .map(|s| {
                    let value = s.values.get(i).copied().unwrap_or(0);
                    let h = bar_height(value, max);
                    top -= h;
                    let tip = format!("{} {}: {}", labels[i], s.name, format(value));
                    view! {
                        <rect x=x y=top width=SLOT - GAP height=h class=s.class
                            data-month=keys[i].clone() data-series=s.key data-value=format(value)>
                            <title>{tip}</title>
                        </rect>
                    }
                })
                .collect_view();
            let total = totals[i];
            let centre = x + (SLOT - GAP) / 2.0;
            view! {
                <g>
                    {parts}
                    {(total > 0).then(|| view! {
                        <text x=centre y=top - 4.0 class="chart__value" text-anchor="middle">{format(total)}</text>
                    })}
                    <text x=centre y=height - 4.0 class="chart__label" text-anchor="middle">{labels[i]}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=title.clone()
                preserveAspectRatio="xMinYMid meet">
                <line x1="0" y1=base x2=width y2=base class="chart__axis"/>
                {bars}
            </svg>
            {legend.map(|items| view! { <ul class="chart__legend">{items}</ul> })}
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tallest_stack_fills_the_plot_and_the_rest_in_proportion() {
        assert_eq!(bar_height(10, 10), PLOT_HEIGHT);
        assert_eq!(bar_height(5, 10), PLOT_HEIGHT / 2.0);
        assert_eq!(bar_height(0, 10), 0.0);
        assert_eq!(bar_height(3, 0), 0.0);
        let series = vec![
            Series {
                name: "a".into(),
                key: "a",
                class: "a",
                values: vec![1, 2, 0],
            },
            Series {
                name: "b".into(),
                key: "b",
                class: "b",
                values: vec![4, 0],
            },
        ];
        assert_eq!(stack_totals(&series, 3), vec![5, 2, 0]);
    }
}
