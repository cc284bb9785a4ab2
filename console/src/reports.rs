//! Reports: tickets opened and resolved each day as a chart (with its numbers as a table),
//! first-response and resolution times, satisfaction and deflection, and the CSV.

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::TicketsReport;
use serde::Deserialize;

use crate::logic::{bar, duration_text};
use crate::{api, words};
use porthole_text::fill_in;

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
    let w = words();
    let units = &w.units;

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
            <h1 id="pc-reports-title" class="pc-title">{w.reports}</h1>
            <label for="pc-period">{w.period}</label>
            <select id="pc-period" on:change=move |ev| {
                days.set(event_target_value(&ev).parse().unwrap_or(30));
            }>
                <option value="7">{porthole_text::fill(w.last_days, 7)}</option>
                <option value="30" selected>{porthole_text::fill(w.last_days, 30)}</option>
                <option value="90">{porthole_text::fill(w.last_days, 90)}</option>
            </select>
            " "
            <a class="pc-link" download href=move || format!("/api/v1/agent/reports/tickets.csv?from={}", from())>
                {w.download_csv}
            </a>
            {move || error.get().map(|e| view! { <p class="pc-error" role="alert">{e}</p> })}
            {move || tickets.get().map(chart)}
            <div class="pc-figures">
                {move || tickets.get().map(|r| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">{w.first_response}</h2>
                        <p>{w.median} " " <strong>{duration_text(r.first_response.median_secs, units)}</strong></p>
                        <p>{w.p90} " " <strong>{duration_text(r.first_response.p90_secs, units)}</strong></p>
                        <p class="pc-hint">{w.answered.get(r.first_response.count)}</p>
                    </section>
                    <section class="pc-card">
                        <h2 class="pc-label">{w.resolution}</h2>
                        <p>{w.median} " " <strong>{duration_text(r.resolution.median_secs, units)}</strong></p>
                        <p>{w.p90} " " <strong>{duration_text(r.resolution.p90_secs, units)}</strong></p>
                        <p class="pc-hint">{w.resolutions.get(r.resolution.count)}</p>
                    </section>
                })}
                {move || csat.get().map(|c| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">{w.satisfaction}</h2>
                        <p>{w.average} " " <strong>{c.average.map(|a| porthole_text::fill(w.score, format!("{a:.1}"))).unwrap_or_else(|| "—".into())}</strong></p>
                        <p class="pc-hint">{w.ratings.get(c.count)}</p>
                        <ol class="pc-scores">
                            {c.distribution.iter().enumerate().map(|(i, n)| view! {
                                <li>{format!("{}: {n}", i + 1)}</li>
                            }).collect_view()}
                        </ol>
                    </section>
                })}
                {move || deflection.get().map(|d| view! {
                    <section class="pc-card">
                        <h2 class="pc-label">{w.deflection}</h2>
                        <p>{w.rate} " " <strong>{d.deflection_rate.map(|r| format!("{:.0} %", r * 100.0)).unwrap_or_else(|| "—".into())}</strong></p>
                        <p class="pc-hint">{fill_in(w.deflection_detail, &[("reads", &d.article_reads), ("served", &d.self_served), ("opened", &d.tickets_opened)])}</p>
                    </section>
                })}
            </div>
        </section>
    }
}

/// Opened and resolved each day, as bars; the same numbers follow as a table for screen
/// readers and for reading exact values.
fn chart(r: TicketsReport) -> impl IntoView {
    let w = words();
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
                    <title>{fill_in(w.day_bar, &[("date", &d.date), ("opened", &d.opened), ("resolved", &d.resolved)])}</title>
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
                <span class="pc-key pc-bar-opened">"■"</span>" " {w.chart_opened} " "
                <span class="pc-key pc-bar-resolved">"■"</span>" " {w.chart_resolved}
            </figcaption>
        </figure>
        <details>
            <summary>{w.numbers}</summary>
            <table class="pc-list">
                <thead><tr><th scope="col">{w.day}</th><th scope="col">{w.opened}</th><th scope="col">{w.resolved}</th></tr></thead>
                <tbody>
                    {r.days.into_iter().map(|d| view! {
                        <tr><td>{d.date}</td><td>{d.opened}</td><td>{d.resolved}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
