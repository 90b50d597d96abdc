"""Cron expressions as cron itself reads them, and the next time one fires.

Why not APScheduler's `CronTrigger.from_crontab`: it reads day-of-week 0 as Monday and combines day-of-month with
day-of-week by AND. Here, as in Vixie cron and its descendants:

- five fields: minute (0-59), hour (0-23), day-of-month (1-31), month (1-12 or JAN-DEC), day-of-week (0-7 or
  SUN-SAT, 0 and 7 are Sunday); each field is `*`, a number, a name, a range `a-b`, a step `*/n`, `a-b/n` or
  `a/n` (= `a-max/n`), or a comma-separated list of these; names are case-insensitive;
- `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly` and `@annually` stand for their five fields;
- when both day-of-month and day-of-week are restricted (neither field starts with `*`), a day matches when
  EITHER matches (`0 0 1,15 * MON` fires on the 1st, the 15th and every Monday); when either starts with `*`,
  both must match, which reduces to the other field.

Times are wall-clock times in the zone of the datetime given to `next_after`. Across daylight saving changes:

- a wall-clock time that does not exist (skipped by the clock going forward) fires once, at the instant the
  gap ends (in Europe/Berlin `30 2 * * *` fires at 03:00 CEST on the last Sunday of March);
- a wall-clock time that occurs twice (the clock going back) fires once, at its first occurrence; the repeated
  hour is not fired again (so `*/15 * * * *` has a gap of 75 minutes on the last Sunday of October in Berlin).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

MACROS = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}

_MONTHS = {name: i for i, name in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_DAYS = {name: i for i, name in enumerate(("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"))}


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: dict[str, int]


_FIELDS = (
    _Field("minute", 0, 59, {}),
    _Field("hour", 0, 23, {}),
    _Field("day-of-month", 1, 31, {}),
    _Field("month", 1, 12, _MONTHS),
    _Field("day-of-week", 0, 7, _DAYS),
)

# A search that finds nothing in this many years has a bug or an impossible expression that parse missed.
_SEARCH_YEARS = 30


class CronError(ValueError):
    """A cron expression that cannot be read; the message names the field and the problem."""


@dataclass(frozen=True)
class CronExpression:
    """A parsed cron expression: the allowed values of each field, and how days combine."""

    text: str
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday … 6 = Saturday (7 is folded into 0)
    days_or: bool  # both day fields restricted: a day matches when either matches

    @classmethod
    def parse(cls, text: str) -> CronExpression:
        """Read a five-field cron expression or an @-macro; raises CronError."""
        if not isinstance(text, str):
            raise CronError(f"a cron expression must be text, not {type(text).__name__}")
        source = text.strip()
        if source.startswith("@"):
            expanded = MACROS.get(source.lower())
            if expanded is None:
                known = ", ".join(MACROS)
                raise CronError(f"unknown macro '{source}' (known: {known})")
            parts = expanded.split()
        else:
            parts = source.split()
        if len(parts) != 5:
            raise CronError(f"expected 5 fields (minute hour day-of-month month day-of-week), got {len(parts)} "
                            f"in '{source}'")
        values = [_parse_field(part, spec) for part, spec in zip(parts, _FIELDS)]
        weekdays = frozenset(d % 7 for d in values[4])
        days_or = not parts[2].startswith("*") and not parts[4].startswith("*")
        expr = cls(source, frozenset(values[0]), frozenset(values[1]), frozenset(values[2]),
                   frozenset(values[3]), weekdays, days_or)
        # When day-of-month alone decides the day, it must exist in at least one chosen month.
        if (not days_or and not parts[2].startswith("*")
                and not any(day <= _max_days(month) for month in expr.months for day in expr.days)):
            raise CronError(f"day-of-month: {parts[2]} never occurs in month {parts[3]}")
        return expr

    def __str__(self) -> str:
        return self.text

    def matches_day(self, year: int, month: int, day: int) -> bool:
        """Whether the date's day fields match (month included)."""
        if month not in self.months:
            return False
        weekday = (calendar.weekday(year, month, day) + 1) % 7  # calendar: Monday = 0
        in_days = day in self.days
        in_weekdays = weekday in self.weekdays
        return (in_days or in_weekdays) if self.days_or else (in_days and in_weekdays)

    def next_wall_time(self, start: datetime) -> datetime:
        """The first matching wall-clock minute at or after the naive datetime `start` (seconds dropped)."""
        t = start.replace(second=0, microsecond=0, tzinfo=None)
        if t < start.replace(tzinfo=None):
            t += timedelta(minutes=1)
        limit = t.year + _SEARCH_YEARS
        minutes = sorted(self.minutes)
        while t.year <= limit:
            if t.month not in self.months:
                t = datetime(t.year + 1, 1, 1) if t.month == 12 else datetime(t.year, t.month + 1, 1)
                continue
            if not self.matches_day(t.year, t.month, t.day):
                t = datetime(t.year, t.month, t.day) + timedelta(days=1)
                continue
            if t.hour not in self.hours:
                t = t.replace(minute=0) + timedelta(hours=1)
                continue
            minute = next((m for m in minutes if m >= t.minute), None)
            if minute is None:
                t = t.replace(minute=0) + timedelta(hours=1)
                continue
            return t.replace(minute=minute)
        raise CronError(f"'{self.text}' never fires within {_SEARCH_YEARS} years")

    def next_after(self, when: datetime) -> datetime:
        """The next fire time strictly after the aware datetime `when`, in when's time zone."""
        if when.tzinfo is None or when.utcoffset() is None:
            raise ValueError("next_after needs an aware datetime (with a time zone)")
        tz = when.tzinfo
        wall = when.replace(tzinfo=None, fold=0)
        candidate = self.next_wall_time(wall.replace(second=0, microsecond=0) + timedelta(minutes=1))
        while True:
            instant = _resolve(candidate, tz)
            if instant > when:
                return instant.astimezone(tz)
            # Only when `when` lies in the repeated hour after the clock went back: this wall time already
            # fired at its first occurrence.
            candidate = self.next_wall_time(candidate + timedelta(minutes=1))

    def previous_fire(self, when: datetime, *, horizon: timedelta = timedelta(days=400)) -> datetime | None:
        """The latest fire time at or before the aware datetime `when`, or None within `horizon`."""
        if when.tzinfo is None or when.utcoffset() is None:
            raise ValueError("previous_fire needs an aware datetime (with a time zone)")
        # Walk forward from a point back in time: simple, and the next_after rules (DST) stay the only rules.
        # Step back in growing windows so a frequent schedule costs few iterations.
        window = timedelta(hours=1)
        while True:
            start = when - min(window, horizon)
            last: datetime | None = None
            t = self.next_after(start - timedelta(microseconds=1))
            while t <= when:
                last = t
                t = self.next_after(t)
            if last is not None or window >= horizon:
                return last
            window *= 8


def parse_cron(text: str) -> CronExpression:
    """Read a cron expression; raises CronError naming the field and the problem."""
    return CronExpression.parse(text)


def _max_days(month: int) -> int:
    return 29 if month == 2 else calendar.monthrange(2001, month)[1]


def _parse_field(text: str, spec: _Field) -> set[int]:
    if not text:
        raise CronError(f"{spec.name}: empty field")
    values: set[int] = set()
    for item in text.split(","):
        if not item:
            raise CronError(f"{spec.name}: empty list item in '{text}'")
        values |= _parse_item(item, spec)
    return values


def _parse_item(item: str, spec: _Field) -> set[int]:
    base, slash, step_text = item.partition("/")
    step = 1
    if slash:
        if not step_text.isdigit() or int(step_text) == 0:
            raise CronError(f"{spec.name}: step '{step_text}' in '{item}' must be a whole number of 1 or more")
        step = int(step_text)
    if base == "*":
        low, high = spec.low, spec.high
        if spec.name == "day-of-week":
            high = 6  # `*` means each day once; 7 would repeat Sunday
    elif "-" in base:
        first, _, last = base.partition("-")
        low, high = _value(first, spec, item), _value(last, spec, item)
        if low > high:
            raise CronError(f"{spec.name}: range '{base}' starts after it ends")
    else:
        low = _value(base, spec, item)
        # `a/n` means a, a+n, … up to the field's end; a bare value is itself.
        high = spec.high if slash else low
    return set(range(low, high + 1, step))


def _value(text: str, spec: _Field, item: str) -> int:
    upper = text.upper()
    if upper in spec.names:
        return spec.names[upper]
    if not text.isdigit():
        hint = f" (or a name: {', '.join(spec.names)})" if spec.names else ""
        raise CronError(f"{spec.name}: '{text}' in '{item}' is not a number{hint}")
    number = int(text)
    if not spec.low <= number <= spec.high:
        raise CronError(f"{spec.name}: {number} is out of range {spec.low}-{spec.high}")
    return number


def _resolve(wall: datetime, tz: tzinfo) -> datetime:
    """The instant of a naive wall-clock time in `tz`: first occurrence when repeated, gap end when skipped."""
    local = wall.replace(tzinfo=tz, fold=0)
    utc = local.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == wall:
        return utc
    # `wall` was skipped. PEP 495: fold=1 reads it with the offset after the change, fold=0 with the one before;
    # the change itself lies between the two readings. Find the first second whose wall time is past `wall`.
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    hi = utc
    if lo > hi:
        lo, hi = hi, lo
    lo_s, hi_s = int(lo.timestamp()), int(hi.timestamp())
    while lo_s < hi_s:
        mid = (lo_s + hi_s) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(tz).replace(tzinfo=None) > wall:
            hi_s = mid
        else:
            lo_s = mid + 1
    return datetime.fromtimestamp(lo_s, UTC)
