"""`tinnhiem-cli results`: a readable Vietnamese table of the round's results."""

from __future__ import annotations

from ..core.model import EntryMode, Mark, RoundSetup
from ..core.percent import vi_count, vi_percent
from ..core.results import FormResult, Rule, RoundResults
from ..core.rules import Base
from .history_text import prior_share
from .wording import BASE_NAMES, FLAG_NAMES, Translate, sentence, vietnamese

HEADINGS = ("STT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Không tính", "Ngưỡng")
RIGHT_ALIGNED = {0, 3, 4, 5, 6}
RULE_OVERRIDDEN = "{name} (điều chỉnh so với quy tắc gốc)"


def rule_label(rule: Rule, translate: Translate = vietnamese) -> str:
    """The preset's name, and whether the round overrides it."""
    name = translate(rule.preset.name)
    return translate(RULE_OVERRIDDEN).format(name=name) if rule.overrides else name


def rule_sentence(rule: Rule) -> str:
    """'Tỷ lệ % tính trên tổng số phiếu thu vào; làm tròn ...' as the minutes say it."""
    return (
        f"Quy tắc: {rule_label(rule)}. Tỷ lệ % tính trên {BASE_NAMES[rule.base]}; "
        f"làm tròn đến {rule.decimals} chữ số thập phân (từ 5 trở lên làm tròn lên)."
    )


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
        f"Thu vào {counts.collected} · Đã nhập {tally.keyed} "
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
                "; ".join(FLAG_NAMES[f] for f in c.flags),
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


def entry_sentence(setup: RoundSetup, differences: int) -> str:
    """How the ballots were keyed, as the minutes say it."""
    if setup.entry_mode is EntryMode.SINGLE:
        return "Cách nhập phiếu: mỗi phiếu được nhập một lượt."
    found = (f"{differences} phiếu có chênh lệch giữa hai lượt đã được đối chiếu với phiếu giấy và xử lý"
             if differences else "hai lượt nhập khớp nhau hoàn toàn")
    return ("Cách nhập phiếu: mỗi phiếu được nhập hai lượt độc lập (lượt A và lượt B) bởi những người khác nhau "
            f"rồi đối chiếu; {found}.")
