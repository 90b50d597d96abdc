"""Cron expressions read as cron reads them; next fire times across weekdays, leap days and DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from config.cron import CronError, CronExpression, parse_cron

BERLIN = ZoneInfo("Europe/Berlin")
# Friday, 20 November 2026, 08:00 UTC.
FRIDAY = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def fires(expr: str, start: datetime, count: int) -> list[datetime]:
    cron = parse_cron(expr)
    out = []
    t = start
    for _ in range(count):
        t = cron.next_after(t)
        out.append(t)
    return out


def test_weekday_range_1_to_5_is_monday_to_friday() -> None:
    got = fires("0 7 * * 1-5", FRIDAY, 6)
    assert [t.strftime("%a %d") for t in got] == ["Mon 23", "Tue 24", "Wed 25", "Thu 26", "Fri 27", "Mon 30"]
    assert all(t.hour == 7 and t.minute == 0 for t in got)


@pytest.mark.parametrize("dow", ["0", "7", "SUN", "sun", "Sun"])
def test_day_of_week_0_7_and_sun_are_sunday(dow: str) -> None:
    got = fires(f"0 0 * * {dow}", FRIDAY, 2)
    assert got == [datetime(2026, 11, 22, tzinfo=UTC), datetime(2026, 11, 29, tzinfo=UTC)]


def test_day_names_in_ranges_and_lists() -> None:
    assert parse_cron("0 9 * * MON-FRI").weekdays == frozenset({1, 2, 3, 4, 5})
    assert parse_cron("0 9 * * sat,SUN").weekdays == frozenset({0, 6})
    assert parse_cron("0 9 * * 5-7").weekdays == frozenset({5, 6, 0})
    assert parse_cron("0 9 * JAN-MAR,dec *").months == frozenset({1, 2, 3, 12})


def test_day_of_month_and_day_of_week_both_restricted_match_either() -> None:
    got = fires("0 0 1,15 * MON", FRIDAY, 5)
    assert [t.date().isoformat() for t in got] == [
        "2026-11-23", "2026-11-30", "2026-12-01", "2026-12-07", "2026-12-14"]
    got = fires("0 0 1,15 * MON", datetime(2026, 12, 14, 1, tzinfo=UTC), 2)
    assert [t.date().isoformat() for t in got] == ["2026-12-15", "2026-12-21"]


def test_star_day_field_makes_the_other_decide() -> None:
    # Day-of-month `*` with a weekday: only that weekday (not every day).
    got = fires("0 0 * * MON", FRIDAY, 2)
    assert [t.date().isoformat() for t in got] == ["2026-11-23", "2026-11-30"]
    # A day-of-month starting with `*` (a step) combines by AND, as in Vixie cron: odd days that are Mondays.
    got = fires("0 0 */2 * MON", FRIDAY, 2)
    assert [t.date().isoformat() for t in got] == ["2026-11-23", "2026-12-07"]


def test_steps_ranges_with_steps_and_start_with_step() -> None:
    assert parse_cron("*/15 * * * *").minutes == frozenset({0, 15, 30, 45})
    assert parse_cron("1-5/2 * * * *").minutes == frozenset({1, 3, 5})
    assert parse_cron("10/20 * * * *").minutes == frozenset({10, 30, 50})
    assert parse_cron("0 */6 * * *").hours == frozenset({0, 6, 12, 18})
    assert parse_cron("0,5,50-52 * * * *").minutes == frozenset({0, 5, 50, 51, 52})


def test_every_fifteen_minutes_fires_on_the_quarter_hours() -> None:
    got = fires("*/15 * * * *", datetime(2026, 11, 20, 8, 7, 30, tzinfo=UTC), 3)
    assert [t.strftime("%H:%M") for t in got] == ["08:15", "08:30", "08:45"]


def test_next_after_is_strictly_after_a_fire_time() -> None:
    at = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert parse_cron("*/30 * * * *").next_after(at) == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert parse_cron("*/30 * * * *").next_after(at - timedelta(microseconds=1)) == at


def test_february_29_fires_only_in_leap_years() -> None:
    got = fires("0 12 29 2 *", FRIDAY, 3)
    assert got == [datetime(y, 2, 29, 12, tzinfo=UTC) for y in (2028, 2032, 2036)]


def test_macros_expand_to_their_fields() -> None:
    hourly, plain = parse_cron("@HOURLY"), CronExpression.parse("0 * * * *")
    assert (hourly.minutes, hourly.hours, hourly.days, hourly.weekdays) == (
        plain.minutes, plain.hours, plain.days, plain.weekdays)
    assert str(hourly) == "@HOURLY"
    assert parse_cron("@daily").next_after(FRIDAY) == datetime(2026, 11, 21, tzinfo=UTC)
    assert parse_cron("@midnight").next_after(FRIDAY) == datetime(2026, 11, 21, tzinfo=UTC)
    assert parse_cron("@weekly").next_after(FRIDAY) == datetime(2026, 11, 22, tzinfo=UTC)
    assert parse_cron("@monthly").next_after(FRIDAY) == datetime(2026, 12, 1, tzinfo=UTC)
    assert parse_cron("@yearly").next_after(FRIDAY) == datetime(2027, 1, 1, tzinfo=UTC)
    assert parse_cron("@hourly").next_after(FRIDAY) == datetime(2026, 11, 20, 9, tzinfo=UTC)


def test_result_is_in_the_time_zone_of_the_argument() -> None:
    start = datetime(2026, 11, 20, 8, 0, tzinfo=BERLIN)
    got = parse_cron("0 7 * * *").next_after(start)
    assert got == datetime(2026, 11, 21, 7, 0, tzinfo=BERLIN)
    assert got.tzinfo is BERLIN


def test_spring_forward_skipped_time_fires_once_at_the_end_of_the_gap() -> None:
    # Berlin, Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST; 02:30 does not exist that day.
    got = fires("30 2 * * *", datetime(2026, 3, 28, 12, tzinfo=BERLIN), 3)
    assert [t.isoformat() for t in got] == [
        "2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"]
    assert got[0] == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_spring_forward_frequent_schedule_fires_once_for_the_whole_gap() -> None:
    got = fires("*/30 * * * *", datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN), 4)
    assert [t.isoformat() for t in got] == [
        "2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00",
        "2026-03-29T03:30:00+02:00", "2026-03-29T04:00:00+02:00"]


def test_fall_back_repeated_time_fires_once_at_its_first_occurrence() -> None:
    # Berlin, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    got = fires("30 2 * * *", datetime(2026, 10, 24, 12, tzinfo=BERLIN), 2)
    assert [t.isoformat() for t in got] == ["2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"]
    got = fires("*/30 * * * *", datetime(2026, 10, 25, 1, 50, tzinfo=BERLIN), 4)
    assert [t.isoformat() for t in got] == [
        "2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00",
        "2026-10-25T03:00:00+01:00", "2026-10-25T03:30:00+01:00"]


def test_fall_back_from_inside_the_repeated_hour_goes_forward_in_real_time() -> None:
    inside = datetime(2026, 10, 25, 2, 10, tzinfo=BERLIN, fold=1)  # the second 02:10, i.e. 01:10 UTC
    got = parse_cron("*/15 * * * *").next_after(inside)
    assert got > inside
    assert got == datetime(2026, 10, 25, 2, 0, tzinfo=UTC)  # 03:00 CET


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_cron("* * * * *").next_after(datetime(2026, 1, 1))


def test_previous_fire_is_the_latest_at_or_before() -> None:
    cron = parse_cron("*/30 * * * *")
    assert cron.previous_fire(datetime(2026, 11, 20, 8, 10, tzinfo=UTC)) == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert cron.previous_fire(datetime(2026, 11, 20, 8, 30, tzinfo=UTC)) == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert parse_cron("@yearly").previous_fire(FRIDAY) == datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_cron("0 0 29 2 *").previous_fire(FRIDAY) is None  # beyond the default horizon
    assert parse_cron("0 0 29 2 *").previous_fire(FRIDAY, horizon=timedelta(days=2000)) == datetime(
        2024, 2, 29, tzinfo=UTC)


@pytest.mark.parametrize(("text", "message"), [
    ("* * * * 8", "day-of-week: 8 is out of range 0-7"),
    ("60 * * * *", "minute: 60 is out of range 0-59"),
    ("0 24 * * *", "hour: 24 is out of range 0-23"),
    ("0 0 0 * *", "day-of-month: 0 is out of range 1-31"),
    ("0 0 1 13 *", "month: 13 is out of range 1-12"),
    ("* * * *", "expected 5 fields"),
    ("* * * * * *", "expected 5 fields"),
    ("", "expected 5 fields"),
    ("*/0 * * * *", "minute: step '0'"),
    ("5-3 * * * *", "minute: range '5-3' starts after it ends"),
    ("* * * FOO *", "month: 'FOO'"),
    ("* * * * MONDAY", "day-of-week: 'MONDAY'"),
    ("1,,2 * * * *", "minute: empty list item"),
    ("0 0 30 2 *", "day-of-month: 30 never occurs in month 2"),
    ("@reboot", "unknown macro '@reboot'"),
    ("-1 * * * *", "minute: '' in '-1' is not a number"),
])
def test_bad_expressions_name_the_field_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(CronError) as info:
        parse_cron(text)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_february_30_with_a_weekday_is_allowed_because_the_weekday_can_fire() -> None:
    got = parse_cron("0 0 30 2 MON").next_after(FRIDAY)
    assert got == datetime(2027, 2, 1, tzinfo=UTC)  # the first Monday in February
