//! When the outbox workers (email, webhooks) try again after a failed attempt.

/// The time of the next attempt after `attempts` failures, waiting `schedule[attempts - 1]`
/// seconds; `None` once the schedule is used up, and the worker gives up.
pub fn retry_at(schedule: &[i64], attempts: i64, now_ms: i64) -> Option<i64> {
    let index = usize::try_from(attempts).ok()?.checked_sub(1)?;
    schedule
        .get(index)
        .map(|wait_secs| now_ms + wait_secs * 1000)
}

#[cfg(test)]
mod tests {
    use super::retry_at;

    #[test]
    fn each_failure_waits_its_turn_in_the_schedule_and_then_gives_up() {
        let schedule = [5, 30];
        assert_eq!(retry_at(&schedule, 1, 1_000), Some(6_000));
        assert_eq!(retry_at(&schedule, 2, 1_000), Some(31_000));
        assert_eq!(retry_at(&schedule, 3, 1_000), None);
        assert_eq!(retry_at(&schedule, 0, 1_000), None);
    }
}
