//! Reports: tickets opened and resolved each day as a chart (with its numbers as a table),
//! first-response and resolution times, satisfaction and deflection, and the CSV.

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::TicketsReport;
use serde::Deserialize;

use crate::api;
use crate::logic::{bar, duration_text};

/// `GET /reports/csat`, as the console reads it.
#[derive(Clone, Deserialize)]
struct Csat {
    count: i64,
    average: Option<f64>,
    distribution: [i64; 5],
}

/// `GET /reports/deflection`, as the console reads it.
#[derive(Clone, Deserialize)]
struct Deflection {
    article_reads: i64,
    self_served: i64,
    tickets_opened: i64,
    deflection_rate: Option<f64>,
}

/// The first day of a period of `days` days ending today (UTC), `YYYY-MM-DD`.
fn first_day(days: i64) -> String {
    let ms = js_sys::Date::now() - ((days - 1) * 86_400_000) as f64;
    let iso: String = js_sys::Date::new(&ms.into()).to_iso_string().into();
    iso.get(..10).unwrap_or_default().to_owned()
}

const CHART_HEIGHT: f64 = 120.0;

pub fn reports() -> impl IntoView {
    let days = RwSignal::new(30_i64);
    let tickets = RwSignal::new(None::<TicketsReport>);
    let csat = RwSignal::new(None::<Csat>);
    let deflection = RwSignal::new(None::<Deflection>);
    let error = RwSignal::new(None::<String>);
    let from = move || first_day(days.get());

    Effect::new(move |_| {
        let query = format!("?from={}", from());
        spawn_local(async move {
            match api::get::<TicketsReport>(&format!("/reports/tickets{query}")).await {
                Ok(r) => tickets.set(Some(r)),
                Err(failed) => error.set(Some(failed.0)),
            }
            csat.set(api::get(&format!("/reports/csat{query}")).await.ok());
            deflection.set(api::get(&format!("/reports/deflection{query}")).await.ok());
        });
    });

    view! {
        <section class="pc-reports" aria-labelledby="pc-reports-title">
            <h1 id="pc-reports-title" class="pc-title">"Reports"</h1>
            <label for="pc-period">"Period"</label>
            <select id="pc-period" on:change=move |ev| {
                days.set(event_target_value(&ev).parse().unwrap_or(30));
            }>
                <option value="7">"Last 7 days"</option>
                <option value="30" selected>"Last 30 days"</option>
                <option value="90">"Last 90 days"</option>
            </select>
            " "
            <a class="pc-link" download href=move || format!("/api/v1/agent/reports/tickets.csv?from={}", from())>
                "Download CSV"
            </a>
            {move || error.get().map(|e| view! { <p class="pc-error" role="alert">{e}</p> })}
            {move || tickets.get().map(chart)}
            <div class="pc-figures">
                {move || tickets.get().map(|r| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">"First response"</h2>
                        <p>"Median " <strong>{duration_text(r.first_response.median_secs)}</strong></p>
                        <p>"90th percentile " <strong>{duration_text(r.first_response.p90_secs)}</strong></p>
                        <p class="pc-hint">{format!("{} tickets answered", r.first_response.count)}</p>
                    </section>
                    <section class="pc-card">
                        <h2 class="pc-label">"Resolution"</h2>
                        <p>"Median " <strong>{duration_text(r.resolution.median_secs)}</strong></p>
                        <p>"90th percentile " <strong>{duration_text(r.resolution.p90_secs)}</strong></p>
                        <p class="pc-hint">{format!("{} resolutions", r.resolution.count)}</p>
                    </section>
                })}
                {move || csat.get().map(|c| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">"Satisfaction"</h2>
                        <p>"Average " <strong>{c.average.map(|a| format!("{a:.1} / 5")).unwrap_or_else(|| "—".into())}</strong></p>
                        <p class="pc-hint">{format!("{} ratings", c.count)}</p>
                        <ol class="pc-scores">
                            {c.distribution.iter().enumerate().map(|(i, n)| view! {
                                <li>{format!("{}: {n}", i + 1)}</li>
                            }).collect_view()}
                        </ol>
                    </section>
                })}
                {move || deflection.get().map(|d| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">"Deflection"</h2>
                        <p>"Rate " <strong>{d.deflection_rate.map(|r| format!("{:.0} %", r * 100.0)).unwrap_or_else(|| "—".into())}</strong></p>
                        <p class="pc-hint">{format!("{} article reads, {} with no ticket after, {} tickets opened", d.article_reads, d.self_served, d.tickets_opened)}</p>
                    </section>
                })}
            </div>
        </section>
    }
}

/// Opened and resolved each day, as bars; the same numbers follow as a table for screen
/// readers and for reading exact values.
fn chart(r: TicketsReport) -> impl IntoView {
    let max = r
        .days
        .iter()
        .map(|d| d.opened.max(d.resolved))
        .max()
        .unwrap_or(0);
    let width = r.days.len() as f64 * 12.0;
    let bars = r
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = i as f64 * 12.0;
            let (o, s) = (bar(d.opened, max, CHART_HEIGHT), bar(d.resolved, max, CHART_HEIGHT));
            view! {
                <g>
                    <title>{format!("{}: {} opened, {} resolved", d.date, d.opened, d.resolved)}</title>
                    <rect class="pc-bar-opened" x=x y=CHART_HEIGHT - o width="5" height=o />
                    <rect class="pc-bar-resolved" x=x + 5.0 y=CHART_HEIGHT - s width="5" height=s />
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="pc-chart">
            <svg viewBox=format!("0 0 {width} {CHART_HEIGHT}") preserveAspectRatio="none" aria-hidden="true">{bars}</svg>
            <figcaption>
                <span class="pc-key pc-bar-opened">"■"</span>" opened "
                <span class="pc-key pc-bar-resolved">"■"</span>" resolved, each day"
            </figcaption>
        </figure>
        <details>
            <summary>"The numbers"</summary>
            <table class="pc-list">
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Opened"</th><th scope="col">"Resolved"</th></tr></thead>
                <tbody>
                    {r.days.into_iter().map(|d| view! {
                        <tr><td>{d.date}</td><td>{d.opened}</td><td>{d.resolved}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
