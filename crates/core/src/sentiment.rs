//! How a customer's words sound: VADER (Valence Aware Dictionary and sEntiment Reasoner, Hutto
//! and Gilbert, ICWSM-14), a published, MIT-licensed lexicon of rated words with rules for
//! negation, intensifiers, capitals and punctuation, run here on the server. It scores words;
//! it does not understand them. English only, as the lexicon is.

use std::sync::LazyLock;

use vader_sentiment::SentimentIntensityAnalyzer;

static ANALYZER: LazyLock<SentimentIntensityAnalyzer<'static>> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// VADER's compound score of a new ticket's subject and description: -1 (most negative) to
/// 1, to three decimals.
pub fn score(subject: &str, description: Option<&str>) -> f64 {
    let text = match description {
        Some(d) => format!("{subject}. {d}"),
        None => subject.to_owned(),
    };
    let compound = ANALYZER
        .polarity_scores(&text)
        .get("compound")
        .copied()
        .unwrap_or(0.0);
    (compound * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_angry_customer_scores_below_a_calm_one_and_a_happy_one_above() {
        let angry = score(
            "Terrible service, I am furious",
            Some("This is the WORST. Nothing works and nobody answers!!!"),
        );
        let calm = score("Question about invoices", Some("Where do I find them?"));
        let happy = score("Thanks", Some("Great support, I love the new export"));
        assert!(angry < -0.5, "{angry}");
        assert!(calm.abs() < 0.3, "{calm}");
        assert!(happy > 0.5, "{happy}");
    }

    #[test]
    fn negation_turns_praise_around() {
        assert!(score("The export is not good", None) < 0.0);
        assert!(score("The export is good", None) > 0.0);
    }
}
