"""`tinnhiem-cli results`: a readable Vietnamese table of the round's results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..core.model import EntryMode, Mark, RoundSetup
from ..core.percent import vi_count, vi_percent
from ..core.results import FormResult, Rule, RoundResults
from ..core.rules import Base, quorum_text
from .history_text import prior_share
from .wording import BASE_NAMES, Translate, band_words, flags_words, sentence, vietnamese

HEADINGS = ("STT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Không tính", "Ngưỡng")
RIGHT_ALIGNED = {0, 3, 4, 5, 6}
RULE_OVERRIDDEN = "{name} (điều chỉnh so với quy tắc gốc)"
OVERRIDE_WORDS = {  # one change of the round's rule from its preset, as the minutes print it
    "percent_base": "tỷ lệ tính trên {value} (quy tắc gốc: {original})",
    "decimals": "làm tròn đến {value} chữ số thập phân (quy tắc gốc: {original})",
    "band": "ngưỡng {value} (quy tắc gốc: {original})",
    "quorum": "số người có mặt tối thiểu: {value} (quy tắc gốc: {original})",
}
QUORUM_WORDS = "{share} số người được triệu tập"
NO_QUORUM = "không quy định"
OVERRIDES_SENTENCE = "Điều chỉnh so với quy tắc gốc: {changes}."


def rule_label(rule: Rule, translate: Translate = vietnamese) -> str:
    """The preset's name, and whether the round overrides it."""
    name = translate(rule.preset.name)
    return translate(RULE_OVERRIDDEN).format(name=name) if rule.overrides else name


def quorum_words(quorum, translate: Translate = vietnamese) -> str:
    if quorum is None:
        return translate(NO_QUORUM)
    return translate(QUORUM_WORDS).format(share=quorum_text(quorum))


def override_words(rule: Rule, translate: Translate = vietnamese, *, thresholds_only: bool = False) -> list[str]:
    """Each setting of the round that differs from its preset, with the preset's own beside it."""
    overrides, preset, changes = rule.overrides, rule.preset, []

    def changed(kind: str, value: object, original: object) -> None:
        changes.append(translate(OVERRIDE_WORDS[kind]).format(value=value, original=original))

    if "percent_base" in overrides and not thresholds_only:
        changed("percent_base", translate(BASE_NAMES[rule.base]), translate(BASE_NAMES[preset.base]))
    if "decimals" in overrides and not thresholds_only:
        changed("decimals", rule.decimals, preset.decimals)
    for band, original in zip(rule.bands, preset.bands):
        if band != original:
            changed("band", _lower_first(band_words(band, preset, translate)),
                _lower_first(band_words(original, preset, translate)))
    if "quorum" in overrides:
        changed("quorum", quorum_words(rule.in_force.quorum, translate), quorum_words(preset.quorum, translate))
    return changes


def overrides_sentence(rule: Rule, translate: Translate = vietnamese, *, thresholds_only: bool = False) -> str:
    """'Điều chỉnh so với quy tắc gốc: ngưỡng … (quy tắc gốc: …).', or "" when nothing differs."""
    changes = override_words(rule, translate, thresholds_only=thresholds_only)
    return translate(OVERRIDES_SENTENCE).format(changes="; ".join(changes)) if changes else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def rule_sentence(rule: Rule) -> str:
    """'Tỷ lệ % tính trên tổng số phiếu thu về; làm tròn ...' as the minutes say it, and the
    thresholds the round moved."""
    text = (
        f"Quy tắc: {rule_label(rule)}. Tỷ lệ % tính trên {BASE_NAMES[rule.base]}; "
        f"làm tròn đến {rule.decimals} chữ số thập phân (từ 5 trở lên làm tròn lên)."
    )
    moved = overrides_sentence(rule, thresholds_only=True)
    return f"{text} {moved}" if moved else text


def results_text(results: RoundResults, *, sealed_at: str | None, fingerprint: str | None) -> str:
    setup = results.setup
    lines = [
        f"KẾT QUẢ LẤY PHIẾU TÍN NHIỆM — {setup.title}"
        + ("" if str(setup.year) in setup.title else f" (năm {setup.year})"),
        f"{setup.header.unit}" + (f" — {setup.header.parent}" if setup.header.parent else ""),
        rule_sentence(results.rule),
        f"Đã chốt lúc {sealed_at}; dấu vân tay {fingerprint}." if sealed_at else "Trạng thái: chưa chốt kết quả.",
    ]
    for form in results.forms:
        lines.append("")
        lines.extend(_form_lines(form, results.rule))
    return "\n".join(lines) + "\n"


def _form_lines(form: FormResult, rule: Rule) -> list[str]:
    counts, tally = form.form.counts, form.tally
    decimals = rule.decimals
    lines = [
        f"Loại phiếu '{form.form.code}': {form.form.title}",
        f"  Triệu tập {counts.summoned} · Có mặt {counts.present} · Phát ra {counts.issued} · "
        f"Thu về {counts.collected} · Đã nhập {tally.keyed} "
        f"(hợp lệ {tally.valid}, không hợp lệ {tally.invalid})",
    ]
    if form.base_kind is Base.VALID_FOR_PERSON:
        lines.append(f"  Cơ sở tính tỷ lệ: {BASE_NAMES[form.base_kind]}")
    else:
        lines.append(f"  Cơ sở tính tỷ lệ: {BASE_NAMES[form.base_kind]} = {vi_count(form.base_value)} phiếu")
    priors = [c.prior for c in form.candidates if c.prior]
    year = next((prior.year for prior in priors if prior.year), None)
    earlier_heading = f"Thấp năm {year}" if year else "Thấp năm trước"
    rows = [HEADINGS if not priors else (*HEADINGS[:6], earlier_heading, *HEADINGS[6:])]
    for c in form.candidates:
        earlier = (prior_share(c, decimals),) if priors else ()
        rows.append(
            (
                str(c.candidate.order),
                c.candidate.name,
                c.candidate.position,
                *(
                    f"{c.tally.count(level)} {vi_percent(c.percents[level], decimals):>8}"
                    for level in (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
                ),
                *earlier,
                str(c.tally.not_counted),
                flags_words(rule, c.flags),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = {*RIGHT_ALIGNED, 7} if priors else RIGHT_ALIGNED
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
    for issue in form.issues:
        lines.append(f"  ! {sentence(issue.code, issue.params)}")
    return lines


@dataclass(frozen=True)
class HowRead:
    """How the ballots of a round were read: per pass, (ballots read from scans, ballots keyed by
    hand, scanned cells the team confirmed from the paper)."""

    passes: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def scanned(self) -> int:
        return sum(s for s, _k, _c in self.passes.values())


def _read_words(scanned: int, keyed: int, confirmed: int) -> str:
    """One pass: 'đọc bằng máy quét (Tổ kiểm phiếu xác nhận 3 ô theo phiếu giấy)', 'nhập tay', or both."""
    checked = (f"Tổ kiểm phiếu xem phiếu giấy và xác nhận {vi_count(confirmed)} ô máy đọc chưa chắc chắn"
               if confirmed else "máy đọc rõ mọi ô, không có ô nào phải xác nhận")
    if not keyed:
        return f"đọc bằng máy quét ({checked})"
    if not scanned:
        return "nhập tay từ phiếu giấy"
    return (f"{vi_count(scanned)} phiếu đọc bằng máy quét ({checked}), "
            f"{vi_count(keyed)} phiếu nhập tay từ phiếu giấy")


def entry_sentence(setup: RoundSetup, differences: int, how: HowRead | None = None) -> str:
    """How the ballots were keyed (and, when some were read from scans, how they were read), as
    the minutes say it."""
    scanned = how is not None and how.scanned > 0
    if setup.entry_mode is EntryMode.SINGLE:
        if not scanned:
            return "Cách nhập phiếu: mỗi phiếu được nhập một lượt."
        return "Cách đọc phiếu: mỗi phiếu được đọc một lượt; " + "; ".join(
            _read_words(*counts) for counts in how.passes.values()) + "."
    found = (f"{differences} phiếu có chênh lệch giữa hai lượt đã được đối chiếu với phiếu giấy và xử lý"
             if differences else "hai lượt nhập khớp nhau hoàn toàn")
    if not scanned:
        return ("Cách nhập phiếu: mỗi phiếu được nhập hai lượt độc lập (lượt A và lượt B) do những người khác nhau "
                f"nhập rồi đối chiếu; {found}.")
    passes = "; ".join(f"lượt {name}: {_read_words(*counts)}" for name, counts in how.passes.items())
    return (f"Cách đọc phiếu: mỗi phiếu được đọc hai lượt độc lập rồi đối chiếu. {passes[0].upper()}{passes[1:]}. "
            f"{found[0].upper()}{found[1:]}.")
