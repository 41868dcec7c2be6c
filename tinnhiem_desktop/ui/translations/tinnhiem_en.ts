<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
    <context>
        <name>BallotPanel</name>
        <message>
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Chức vụ</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Tín nhiệm
cao</source>
            <translation>High
confidence</translation>
        </message>
        <message>
            <source>Tín nhiệm</source>
            <translation>Confidence</translation>
        </message>
        <message>
            <source>Tín nhiệm
thấp</source>
            <translation>Low
confidence</translation>
        </message>
        <message>
            <source>Ghi chú</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>không đánh dấu</source>
            <translation>no mark</translation>
        </message>
        <message>
            <source>&lt;b&gt;Phiếu số {number}&lt;/b&gt; — {status}</source>
            <translation>&lt;b&gt;Ballot {number}&lt;/b&gt; — {status}</translation>
        </message>
        <message>
            <source>không hợp lệ</source>
            <translation>invalid</translation>
        </message>
        <message>
            <source>chưa nhập</source>
            <translation>not keyed</translation>
        </message>
        <message>
            <source>nhiều ô</source>
            <translation>several boxes</translation>
        </message>
    </context>
    <context>
        <name>BallotTableModel</name>
        <message>
            <source>chưa nhập</source>
            <translation>not keyed</translation>
        </message>
        <message>
            <source>Phiếu số {number} — {order}. {name}, {position}: {state}</source>
            <translation>Ballot {number} — {order}. {name}, {position}: {state}</translation>
        </message>
        <message>
            <source>Trạng thái</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>CandidateImportDialog</name>
        <message>
            <source>Nhập danh sách từ tệp {file}</source>
            <translation>Import the list from {file}</translation>
        </message>
        <message>
            <source>Dòng đầu là tiêu đề</source>
            <translation>First row is a heading</translation>
        </message>
        <message>
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Chức vụ</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Năm sinh</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Mã</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Ghi chú</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Nhập</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Trang tính:</source>
            <translation>Sheet:</translation>
        </message>
        <message>
            <source>Bắt đầu từ dòng:</source>
            <translation>Start at row:</translation>
        </message>
        <message>
            <source>Họ và tên:</source>
            <translation>Full name:</translation>
        </message>
        <message>
            <source>Chức vụ:</source>
            <translation>Position:</translation>
        </message>
        <message>
            <source>Năm sinh:</source>
            <translation>Year of birth:</translation>
        </message>
        <message>
            <source>Mã:</source>
            <translation>Person key:</translation>
        </message>
        <message>
            <source>Cột nào chứa thông tin nào</source>
            <translation>Which column holds what</translation>
        </message>
        <message>
            <source>Xem trước {count} người đầu tiên:</source>
            <translation>Preview (first rows: {count}):</translation>
        </message>
        <message>
            <source>(không có)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Trang tính này không có dữ liệu.</source>
            <translation>This sheet has no data.</translation>
        </message>
        <message>
            <source>Không có dòng nào có họ và tên.</source>
            <translation>No row has a full name.</translation>
        </message>
        <message>
            <source>Trùng với số {orders}</source>
            <translation>Same as no. {orders}</translation>
        </message>
        <message>
            <source>Sẽ nhập {count} người.</source>
            <translation>People to import: {count}.</translation>
        </message>
        <message>
            <source>Bỏ qua {count} dòng không có họ và tên.</source>
            <translation>Rows without a full name, skipped: {count}.</translation>
        </message>
        <message>
            <source>Có {count} cặp trùng họ tên và năm sinh (xem cột Ghi chú).</source>
            <translation>{count} pairs have the same full name and year of birth (see the Note column).</translation>
        </message>
    </context>
    <context>
        <name>CellImage</name>
        <message>
            <source>Không có ảnh của ô này (ảnh quét không được giữ lại): xem trên phiếu giấy.</source>
            <translation>No image of this cell (the scan's images were not kept): look at the paper ballot.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistDialog</name>
        <message>
            <source>Quy trình lấy phiếu tín nhiệm</source>
            <translation>Confidence vote procedure</translation>
        </message>
        <message>
            <source>Bản tự nhận xét, đánh giá của người được lấy phiếu:</source>
            <translation>Written self-assessments of the people rated:</translation>
        </message>
        <message>
            <source>Loại phiếu</source>
            <translation>Ballot form</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Chức vụ</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Ngày nhận</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>Tình trạng</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ngày nhận:</source>
            <translation>Received on:</translation>
        </message>
        <message>
            <source>Ghi đã nhận</source>
            <translation>Record as received</translation>
        </message>
        <message>
            <source>Ghi chưa nhận</source>
            <translation>Record as not received</translation>
        </message>
        <message>
            <source>Bước</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>Lúc, người ghi</source>
            <translation>When, recorded by</translation>
        </message>
        <message>
            <source>Còn thiếu, cần lưu ý:</source>
            <translation>Missing, to note:</translation>
        </message>
        <message>
            <source>Ghi nhận đã in phiếu trắng</source>
            <translation>Record blank ballots printed</translation>
        </message>
        <message>
            <source>Ghi nhận đã công bố kết quả</source>
            <translation>Record results presented</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Đã đủ các bước.</source>
            <translation>Every step is done.</translation>
        </message>
        <message>
            <source>Hãy chọn người (một hoặc nhiều dòng) trong danh sách trước.</source>
            <translation>First select the people (one or more rows) in the list.</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Loại phiếu</source>
            <translation>Ballot form</translation>
        </message>
        <message>
            <source>Số phiếu</source>
            <translation>Ballot no.</translation>
        </message>
        <message>
            <source>Chênh lệch</source>
            <translation>Differences</translation>
        </message>
        <message>
            <source>Lượt A</source>
            <translation>Pass A</translation>
        </message>
        <message>
            <source>Lượt B</source>
            <translation>Pass B</translation>
        </message>
        <message>
            <source>Xử lý</source>
            <translation>Settled by</translation>
        </message>
        <message>
            <source>Đối chiếu hai lượt nhập</source>
            <translation>Compare the two keying passes</translation>
        </message>
        <message>
            <source>Người nhập</source>
            <translation>Keyer</translation>
        </message>
        <message>
            <source>Phiếu đã nhập</source>
            <translation>Ballots keyed</translation>
        </message>
        <message>
            <source>Ô đã nhập</source>
            <translation>Cells keyed</translation>
        </message>
        <message>
            <source>Lấy theo lượt &amp;A</source>
            <translation>Take pass &amp;A</translation>
        </message>
        <message>
            <source>Lấy theo lượt &amp;B</source>
            <translation>Take pass &amp;B</translation>
        </message>
        <message>
            <source>&amp;Nhập lại theo phiếu giấy…</source>
            <translation>&amp;Key again from the paper ballot…</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&lt;b&gt;Theo người nhập&lt;/b&gt;</source>
            <translation>&lt;b&gt;By keyer&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Các phiếu hai lượt nhập khác nhau&lt;/b&gt; — cầm phiếu giấy để xử lý từng phiếu:</source>
            <translation>&lt;b&gt;Ballots on which the two passes differ&lt;/b&gt; — settle each one with the paper ballot in hand:</translation>
        </message>
        <message>
            <source>Hai lượt nhập khớp nhau hoàn toàn (hoặc chưa nhập lượt nào).</source>
            <translation>The two keying passes agree completely (or neither pass has been keyed yet).</translation>
        </message>
        <message>
            <source>{count} phiếu có chênh lệch giữa hai lượt; &lt;b&gt;còn {open} phiếu chưa xử lý&lt;/b&gt; — các phiếu này chưa được tính vào kết quả và chưa thể chốt kết quả.</source>
            <translation>Ballots on which the two passes differ: {count}; &lt;b&gt;not settled yet: {open}&lt;/b&gt; — these are not counted in the results, and the results cannot be sealed yet.</translation>
        </message>
        <message>
            <source>{count} phiếu có chênh lệch giữa hai lượt; tất cả đã được xử lý.</source>
            <translation>Ballots on which the two passes differ: {count}; all of them have been settled.</translation>
        </message>
        <message>
            <source>Chưa xử lý</source>
            <translation>Not settled</translation>
        </message>
        <message>
            <source>Nhập lại theo phiếu giấy</source>
            <translation>Key again from the paper ballot</translation>
        </message>
        <message>
            <source>Phiếu số {number}, loại phiếu {form}: gõ {size} ký tự theo thứ tự người trên phiếu
(1 tín nhiệm cao, 2 tín nhiệm, 3 tín nhiệm thấp, 0 không đánh dấu, x đánh dấu nhiều ô),
hoặc 'khl: lý do' nếu phiếu không hợp lệ:</source>
            <translation>Ballot {number}, ballot form {form}: type {size} characters, in the order of the people on the ballot
(1 high confidence, 2 confidence, 3 low confidence, 0 no mark, x more than one box marked),
or 'khl: reason' if the ballot is invalid:</translation>
        </message>
    </context>
    <context>
        <name>ConsolidateWindow</name>
        <message>
            <source>Tổng hợp kết quả của các đơn vị</source>
            <translation>Consolidate the units' results</translation>
        </message>
        <message>
            <source>Chọn các tệp đợt lấy phiếu đã chốt của các đơn vị (năm nay và năm trước), hoặc thư mục chứa chúng. Mỗi tệp được kiểm tra nguyên vẹn; tệp không dùng được được liệt kê kèm lý do trong báo cáo.</source>
            <translation>Choose the units' sealed round files (this year's and last year's), or the folders holding them. Every file is checked for integrity; a file that cannot be used is listed in the report with the reason.</translation>
        </message>
        <message>
            <source>Thêm &amp;thư mục…</source>
            <translation>Add &amp;folder…</translation>
        </message>
        <message>
            <source>Thêm &amp;tệp…</source>
            <translation>Add fi&amp;le…</translation>
        </message>
        <message>
            <source>&amp;Bỏ khỏi danh sách</source>
            <translation>&amp;Remove from the list</translation>
        </message>
        <message>
            <source>năm mới nhất trong các tệp</source>
            <translation>the latest year among the files</translation>
        </message>
        <message>
            <source>mặc định: cơ quan cấp trên ghi trong tệp của các đơn vị</source>
            <translation>default: the superior body named in the units' files</translation>
        </message>
        <message>
            <source>mặc định: BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM …</source>
            <translation>default: BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM … (the report is in Vietnamese)</translation>
        </message>
        <message>
            <source>để trống: in dấu chấm, điền tay</source>
            <translation>empty: printed as dots, to fill in by hand</translation>
        </message>
        <message>
            <source>Năm tổng hợp:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Cơ quan lập báo cáo:</source>
            <translation>Reporting body:</translation>
        </message>
        <message>
            <source>Cơ quan cấp trên của cơ quan đó:</source>
            <translation>Its superior body:</translation>
        </message>
        <message>
            <source>Tiêu đề:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <source>Người lập biểu:</source>
            <translation>Prepared by:</translation>
        </message>
        <message>
            <source>Thủ trưởng cơ quan:</source>
            <translation>Head of the body:</translation>
        </message>
        <message>
            <source>Số báo cáo:</source>
            <translation>Report number:</translation>
        </message>
        <message>
            <source>Đơn vị</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Quy tắc áp dụng</source>
            <translation>Rule applied</translation>
        </message>
        <message>
            <source>Tệp</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Năm trước</source>
            <translation>Last year</translation>
        </message>
        <message>
            <source>Tệp không dùng</source>
            <translation>File not used</translation>
        </message>
        <message>
            <source>Lý do</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>&amp;Kiểm tra các tệp</source>
            <translation>&amp;Check the files</translation>
        </message>
        <message>
            <source>&amp;Ghi báo cáo…</source>
            <translation>&amp;Write the report…</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Thư mục chứa tệp của các đơn vị</source>
            <translation>Folder with the units' files</translation>
        </message>
        <message>
            <source>Tệp đợt lấy phiếu của một đơn vị</source>
            <translation>A unit's round file</translation>
        </message>
        <message>
            <source>Tệp đợt lấy phiếu (*.tinnhiem)</source>
            <translation>Round files (*.tinnhiem)</translation>
        </message>
        <message>
            <source>Đang đọc và kiểm tra các tệp…</source>
            <translation>Reading and checking the files…</translation>
        </message>
        <message>
            <source>có tệp năm {year}</source>
            <translation>{year} file found</translation>
        </message>
        <message>
            <source>Năm {year}: {units} đơn vị, {people} người được lấy phiếu; {history} tệp năm {previous}; {refused} tệp không dùng.</source>
            <translation>{year}: units: {units}; people rated: {people}; files of {previous}: {history}; files not used: {refused}.</translation>
        </message>
        <message>
            <source>Ghi báo cáo tổng hợp</source>
            <translation>Write the consolidated report</translation>
        </message>
        <message>
            <source>Bảng tính Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Đã ghi báo cáo tổng hợp:</source>
            <translation>The consolidated report was written:</translation>
        </message>
    </context>
    <context>
        <name>CountsDialog</name>
        <message>
            <source>Số liệu — {form}</source>
            <translation>Counts — {form}</translation>
        </message>
        <message>
            <source>Đồng ý</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>CountsPage</name>
        <message>
            <source>Số liệu</source>
            <translation>Counts</translation>
        </message>
        <message>
            <source>Số người và số phiếu của từng loại phiếu; có thể để 0 và sửa lại khi kiểm phiếu.</source>
            <translation>The numbers of people and ballots for each ballot form; you can leave 0 and correct them while counting.</translation>
        </message>
        <message>
            <source>Loại phiếu</source>
            <translation>Ballot form</translation>
        </message>
        <message>
            <source>Số người được
triệu tập</source>
            <translation>People
summoned</translation>
        </message>
        <message>
            <source>Số người
có mặt</source>
            <translation>People
present</translation>
        </message>
        <message>
            <source>Số phiếu
phát ra</source>
            <translation>Ballots
issued</translation>
        </message>
        <message>
            <source>Số phiếu
thu về</source>
            <translation>Ballots
collected</translation>
        </message>
        <message>
            <source>Loại phiếu '{form}': {reason}</source>
            <translation>Ballot form '{form}': {reason}</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Có</source>
            <translation>&amp;Yes</translation>
        </message>
        <message>
            <source>&amp;Không</source>
            <translation>&amp;No</translation>
        </message>
        <message>
            <source>Đồng ý</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Xuất tài liệu</source>
            <translation>Export documents</translation>
        </message>
        <message>
            <source>Số bản mỗi loại phiếu:</source>
            <translation>Copies of each ballot form:</translation>
        </message>
        <message>
            <source>theo số phiếu phát ra</source>
            <translation>as many as ballots issued</translation>
        </message>
        <message>
            <source>Số văn bản:</source>
            <translation>Document number:</translation>
        </message>
        <message>
            <source>để trống: in dấu chấm, điền tay</source>
            <translation>empty: printed as dots, to fill in by hand</translation>
        </message>
        <message>
            <source>In trên biên bản: Số: …/BB-{symbol}</source>
            <translation>Printed on the minutes: Số: …/BB-{symbol}</translation>
        </message>
        <message>
            <source>Báo cáo lên cấp trên (Excel và PDF, đề ngày hôm nay; ngày khác và nơi nhận: Quy trình → Báo cáo cấp trên):</source>
            <translation>Reports upward (Excel and PDF, dated today; another date and the recipients: Procedure → Reports upward):</translation>
        </message>
        <message>
            <source>Thư mục:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Chọn…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Xuất</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Mở thư mục</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>Mở tệp</source>
            <translation>Open file</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Chưa chọn tài liệu nào để xuất.</source>
            <translation>No document has been chosen for export.</translation>
        </message>
        <message>
            <source>Đang xuất: {document}…</source>
            <translation>Exporting: {document}…</translation>
        </message>
        <message>
            <source>Đã xuất:</source>
            <translation>Exported:</translation>
        </message>
        <message>
            <source>Chọn thư mục lưu tài liệu</source>
            <translation>Choose the folder for the documents</translation>
        </message>
    </context>
    <context>
        <name>FormEditor</name>
        <message>
            <source>Bắt buộc, VD: Lãnh đạo Sở</source>
            <translation>Required, e.g. Lãnh đạo Sở (Department leaders)</translation>
        </message>
        <message>
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Chức vụ</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Năm sinh</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Mã</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Diện Ban Thường vụ Tỉnh ủy quản lý</source>
            <translation>Managed by the provincial standing committee</translation>
        </message>
        <message>
            <source>Chọn các ô trong Excel, nhấn Ctrl+C, rồi bấm nút này (hoặc Ctrl+V trong bảng).</source>
            <translation>Select the cells in Excel, press Ctrl+C, then click this button (or press Ctrl+V in the table).</translation>
        </message>
        <message>
            <source>Thê&amp;m</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Xóa</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Lê&amp;n</source>
            <translation>&amp;Up</translation>
        </message>
        <message>
            <source>Xuốn&amp;g</source>
            <translation>Do&amp;wn</translation>
        </message>
        <message>
            <source>&amp;Dán từ Excel</source>
            <translation>&amp;Paste from Excel</translation>
        </message>
        <message>
            <source>Nhậ&amp;p từ tệp...</source>
            <translation>&amp;Import from file...</translation>
        </message>
        <message>
            <source>Mã:</source>
            <translation>Code:</translation>
        </message>
        <message>
            <source>Tên loại phiếu:</source>
            <translation>Ballot form name:</translation>
        </message>
        <message>
            <source>Loại phiếu '{code}', dòng {row}: năm sinh '{value}' không hợp lệ (cần năm có 4 chữ số, từ {low} đến {high}).</source>
            <translation>Ballot form '{code}', row {row}: the year of birth '{value}' is not valid (a 4-digit year from {low} to {high} is needed).</translation>
        </message>
        <message>
            <source>Đã thêm {count} người {source} vào loại phiếu '{code}'.</source>
            <translation>Added to ballot form '{code}' {source}: {count} (people).</translation>
        </message>
        <message>
            <source>Bỏ qua {count} dòng không có họ và tên.</source>
            <translation>Rows without a full name, skipped: {count}.</translation>
        </message>
        <message>
            <source>Khay nhớ tạm không có dữ liệu. Hãy chọn các ô trong Excel, nhấn Ctrl+C rồi dán lại.</source>
            <translation>The clipboard is empty. Select the cells in Excel, press Ctrl+C and paste again.</translation>
        </message>
        <message>
            <source>Dữ liệu dán, dòng {line} — {reason}</source>
            <translation>Pasted data, row {line} — {reason}</translation>
        </message>
        <message>
            <source>Dữ liệu dán không có họ và tên nào.</source>
            <translation>The pasted data has no full names.</translation>
        </message>
        <message>
            <source>từ Excel</source>
            <translation>from Excel</translation>
        </message>
        <message>
            <source>Nhập danh sách từ tệp</source>
            <translation>Import the list from a file</translation>
        </message>
        <message>
            <source>Bảng tính Excel hoặc CSV (*.xlsx *.xlsm *.csv);;Tất cả các tệp (*)</source>
            <translation>Excel or CSV spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>từ tệp '{file}'</source>
            <translation>from the file '{file}'</translation>
        </message>
    </context>
    <context>
        <name>FormsPage</name>
        <message>
            <source>Loại phiếu và danh sách</source>
            <translation>Ballot forms and lists</translation>
        </message>
        <message>
            <source>Mỗi loại phiếu có danh sách người được lấy phiếu riêng, theo thứ tự in trên phiếu.</source>
            <translation>Each ballot form has its own list of people rated, in the order printed on the ballot.</translation>
        </message>
        <message>
            <source>Thêm &amp;loại phiếu</source>
            <translation>Add ballot f&amp;orm</translation>
        </message>
        <message>
            <source>Xó&amp;a loại phiếu</source>
            <translation>De&amp;lete ballot form</translation>
        </message>
        <message>
            <source>Các loại phiếu:</source>
            <translation>Ballot forms:</translation>
        </message>
        <message>
            <source>Xóa loại phiếu '{form}' cùng danh sách {count} người?</source>
            <translation>Delete ballot form '{form}' with its list of people ({count})?</translation>
        </message>
        <message>
            <source>Loại phiếu '{code}', dòng {row}: chưa có họ và tên.</source>
            <translation>Ballot form '{code}', row {row}: the full name is missing.</translation>
        </message>
        <message>
            <source>Loại phiếu '{code}', dòng {row}: {reason}</source>
            <translation>Ballot form '{code}', row {row}: {reason}</translation>
        </message>
        <message>
            <source>Loại phiếu '{code}' chưa có người được lấy phiếu nào. Hãy gõ vào bảng, dán từ Excel hoặc nhập từ tệp.</source>
            <translation>Ballot form '{code}' has nobody to rate yet. Type the names into the table, paste them from Excel or import them from a file.</translation>
        </message>
        <message>
            <source>Loại phiếu thứ {number} chưa có mã.</source>
            <translation>Ballot form no. {number} has no code.</translation>
        </message>
        <message>
            <source>Loại phiếu '{code}' chưa có tên (VD: Lãnh đạo Sở).</source>
            <translation>Ballot form '{code}' has no name (e.g. Lãnh đạo Sở).</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Bàn giao biên bản và phiếu</source>
            <translation>Hand over the minutes and ballots</translation>
        </message>
        <message>
            <source>ví dụ: Giám đốc Sở</source>
            <translation>e.g. Giám đốc Sở (Director)</translation>
        </message>
        <message>
            <source>{team} bàn giao biên bản kiểm phiếu và {ballots} phiếu đã kiểm cho Thủ trưởng cơ quan.</source>
            <translation>The {team} hands the counting minutes and the counted ballots ({ballots}) to the head of the body.</translation>
        </message>
        <message>
            <source>Người giao ({team}):</source>
            <translation>Handed over by ({team}):</translation>
        </message>
        <message>
            <source>Người nhận:</source>
            <translation>Received by:</translation>
        </message>
        <message>
            <source>Chức vụ người nhận:</source>
            <translation>Receiver's position:</translation>
        </message>
        <message>
            <source>Thời điểm bàn giao:</source>
            <translation>Handed over at:</translation>
        </message>
        <message>
            <source>Ghi nhận bàn giao</source>
            <translation>Record the hand-over</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Chỉ bàn giao sau khi đã chốt kết quả.</source>
            <translation>The hand-over comes only after the results are sealed.</translation>
        </message>
        <message>
            <source>Tệp đang mở chỉ để xem: không ghi nhận được.</source>
            <translation>The file is open for viewing only: nothing can be recorded.</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Kết quả năm trước</source>
            <translation>Last year's results</translation>
        </message>
        <message>
            <source>Kết quả năm {year} của từng người, để áp dụng quy định hai năm liên tiếp: đọc từ tệp đợt lấy phiếu năm {year} đã chốt (chọn thư mục chứa các tệp), liên kết theo mã người hoặc theo gợi ý cùng họ tên và năm sinh; hoặc nhập tay khi năm đó không kiểm phiếu bằng chương trình này.</source>
            <translation>Each person's {year} result, for the two-consecutive-years rules: read from the sealed {year} round files (choose the folder holding them) and linked by person key or by a suggested match of the same name and birth year; or typed in by hand when that year was not counted with this program.</translation>
        </message>
        <message>
            <source>Đọc thư mục tệp năm {year}…</source>
            <translation>Read the folder of {year} files…</translation>
        </message>
        <message>
            <source>Đọc một tệp…</source>
            <translation>Read one file…</translation>
        </message>
        <message>
            <source>Loại phiếu</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Năm sinh</source>
            <translation>Born</translation>
        </message>
        <message>
            <source>Mã người</source>
            <translation>Person key</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp năm {year}</source>
            <translation>Low confidence in {year}</translation>
        </message>
        <message>
            <source>Nguồn</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Gợi ý</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <source>Nhận &amp;gợi ý</source>
            <translation>Accept the &amp;suggestion</translation>
        </message>
        <message>
            <source>&amp;Liên kết với người năm trước…</source>
            <translation>&amp;Link to a person of last year…</translation>
        </message>
        <message>
            <source>&amp;Nhập tay…</source>
            <translation>Type in &amp;by hand…</translation>
        </message>
        <message>
            <source>&amp;Bỏ kết quả năm trước</source>
            <translation>&amp;Remove last year's result</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Tệp đã chốt kết quả hoặc đang mở chỉ để đọc: chỉ xem, không sửa được.</source>
            <translation>The round is sealed or open read-only: shown only, nothing can be changed.</translation>
        </message>
        <message>
            <source>nhập tay: {source}</source>
            <translation>typed by hand: {source}</translation>
        </message>
        <message>
            <source>Thư mục chứa tệp đợt lấy phiếu năm {year}</source>
            <translation>Folder with the {year} round files</translation>
        </message>
        <message>
            <source>Tệp đợt lấy phiếu năm {year}</source>
            <translation>The {year} round file</translation>
        </message>
        <message>
            <source>Tệp đợt lấy phiếu (*.tinnhiem)</source>
            <translation>Round files (*.tinnhiem)</translation>
        </message>
        <message>
            <source>Đã đọc {rounds} tệp năm {year}; liên kết theo mã người: {linked} người; gợi ý: {offered} người.</source>
            <translation>Files of {year} read: {rounds}; people linked by person key: {linked}; suggestions: {offered}.</translation>
        </message>
        <message>
            <source>Số liệu nhập tay của {name} được thay bằng số liệu trong tệp đã chốt.</source>
            <translation>The figures typed in by hand for {name} were replaced by those of the sealed file.</translation>
        </message>
        <message>
            <source>Không dùng tệp {file}: {reason}</source>
            <translation>File {file} not used: {reason}</translation>
        </message>
        <message>
            <source>Liên kết với người năm trước</source>
            <translation>Link to a person of last year</translation>
        </message>
        <message>
            <source>{name} năm {year} là:</source>
            <translation>{name} in {year} is:</translation>
        </message>
        <message>
            <source>Bỏ kết quả năm {year} của {name}? Quy định hai năm liên tiếp sẽ không áp dụng cho người này.</source>
            <translation>Remove the {year} result of {name}? The two-consecutive-years rules will not apply to this person.</translation>
        </message>
    </context>
    <context>
        <name>InfoPage</name>
        <message>
            <source>Thông tin đợt lấy phiếu</source>
            <translation>Voting round information</translation>
        </message>
        <message>
            <source>Tên hội nghị, cơ quan ban hành văn bản, thời gian và địa điểm họp.</source>
            <translation>The meeting's name, the issuing body of the documents, the date and place of the meeting.</translation>
        </message>
        <message>
            <source>Nhà nước — Nghị định 30/2020/NĐ-CP</source>
            <translation>State — Decree 30/2020/NĐ-CP</translation>
        </message>
        <message>
            <source>Đảng — Hướng dẫn 36-HD/VPTW</source>
            <translation>Party — Guideline 36-HD/VPTW</translation>
        </message>
        <message>
            <source>VD: ỦY BAN NHÂN DÂN TỈNH AN PHÚ</source>
            <translation>e.g. ỦY BAN NHÂN DÂN TỈNH AN PHÚ (in Vietnamese, as printed on the documents)</translation>
        </message>
        <message>
            <source>Bắt buộc, VD: SỞ GIAO THÔNG VẬN TẢI</source>
            <translation>Required, e.g. SỞ GIAO THÔNG VẬN TẢI (in Vietnamese, as printed on the documents)</translation>
        </message>
        <message>
            <source>(chưa chọn)</source>
            <translation>(not chosen)</translation>
        </message>
        <message>
            <source>Tên hội nghị:</source>
            <translation>Meeting name:</translation>
        </message>
        <message>
            <source>Năm:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Thể thức văn bản:</source>
            <translation>Document style:</translation>
        </message>
        <message>
            <source>Cơ quan chủ quản:</source>
            <translation>Parent body:</translation>
        </message>
        <message>
            <source>Đơn vị:</source>
            <translation>Unit:</translation>
        </message>
        <message>
            <source>Ngày họp:</source>
            <translation>Meeting date:</translation>
        </message>
        <message>
            <source>Địa điểm:</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>Chủ trì hội nghị:</source>
            <translation>Chair of the meeting:</translation>
        </message>
        <message>
            <source>Họ và tên, ghi vào nhật ký của đợt</source>
            <translation>Full name, recorded in the round's log</translation>
        </message>
        <message>
            <source>&amp;Người lập (chuẩn bị đợt):</source>
            <translation>&amp;Organiser (prepares the round):</translation>
        </message>
        <message>
            <source>Chưa nhập họ và tên người lập (người chuẩn bị đợt lấy phiếu); tên này được ghi vào nhật ký của đợt.</source>
            <translation>The organiser's full name (the person preparing the round) is missing; it is recorded in the round's log.</translation>
        </message>
        <message>
            <source>Chưa nhập tên hội nghị.</source>
            <translation>The meeting's name is missing.</translation>
        </message>
        <message>
            <source>Chưa nhập tên đơn vị. Tên đơn vị in ở đầu biên bản, VD: SỞ GIAO THÔNG VẬN TẢI.</source>
            <translation>The unit's name is missing. It is printed at the top of the minutes, e.g. SỞ GIAO THÔNG VẬN TẢI.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Tệp đợt lấy phiếu (*.tinnhiem)</source>
            <translation>Voting round files (*.tinnhiem)</translation>
        </message>
        <message>
            <source>
&lt;h2&gt;Phím tắt khi nhập phiếu&lt;/h2&gt;
&lt;table cellpadding="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tín nhiệm cao, rồi sang người tiếp theo&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tín nhiệm&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tín nhiệm thấp&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0&lt;/b&gt; hoặc &lt;b&gt;Dấu cách&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Không đánh dấu (ô bỏ trống trên phiếu)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;X&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Đánh dấu nhiều ô (không tính cho người này)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+1 / Shift+2 / Shift+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Điền mức đó cho mọi ô chưa nhập từ ô hiện tại đến hết phiếu&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Xóa ô vừa nhập và lùi lại&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Xóa ô hiện tại&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sang phiếu tiếp theo&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cả phiếu không hợp lệ (chọn lý do)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Xóa phiếu (có hỏi lại; số các phiếu khác không đổi)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mũi tên, Home, End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Di chuyển; &lt;b&gt;Ctrl+Home&lt;/b&gt; về phiếu đầu, &lt;b&gt;Ctrl+End&lt;/b&gt; đến phiếu mới&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Hoàn tác / Làm lại&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+PageUp / Ctrl+PageDown&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Đổi loại phiếu&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ / Ctrl+-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Phóng to / thu nhỏ chữ&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Trình chiếu kết quả cho hội nghị (Esc để trở lại)&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Sau khi nhập ô của người cuối cùng, chương trình tự chuyển sang phiếu mới.
Mỗi thao tác được ghi vào tệp ngay lập tức: không cần lưu.&lt;/p&gt;
&lt;p&gt;Trên lưới, mỗi ô ghi cả chữ và màu: &lt;b&gt;1 Cao&lt;/b&gt;, &lt;b&gt;2 TN&lt;/b&gt;, &lt;b&gt;3 Thấp&lt;/b&gt;, &lt;b&gt;0 Trống&lt;/b&gt;,
&lt;b&gt;X Nhiều&lt;/b&gt;. Bảng bên phải trình bày phiếu hiện tại giống tờ phiếu giấy để đối chiếu.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Phiếu quét&lt;/b&gt; (Phiếu → Đọc phiếu quét…, &lt;b&gt;Ctrl+Shift+O&lt;/b&gt;; Phiếu → Xác nhận ô của phiếu quét…,
&lt;b&gt;Ctrl+Shift+R&lt;/b&gt;): mỗi ô máy đọc chưa chắc chắn hiện cạnh tên người; cùng các phím &lt;b&gt;1&lt;/b&gt;, &lt;b&gt;2&lt;/b&gt;,
&lt;b&gt;3&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;, &lt;b&gt;X&lt;/b&gt; xác nhận ô theo phiếu giấy và sang ô tiếp theo.&lt;/p&gt;
</source>
            <translation>
&lt;h2&gt;Keyboard shortcuts for keying ballots&lt;/h2&gt;
&lt;table cellpadding="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;High confidence, then on to the next person&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Confidence&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Low confidence&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0&lt;/b&gt; or &lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;No mark (the box is left empty on the ballot)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;X&lt;/b&gt;&lt;/td&gt;&lt;td&gt;More than one box marked (not counted for this person)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+1 / Shift+2 / Shift+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fill that level into every cell not yet keyed, from the current cell to the end of the ballot&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Clear the cell just keyed and step back&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Clear the current cell&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;On to the next ballot&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The whole ballot is invalid (choose the reason)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Delete the ballot (asks first; the other ballots keep their numbers)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arrows, Home, End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Move; &lt;b&gt;Ctrl+Home&lt;/b&gt; to the first ballot, &lt;b&gt;Ctrl+End&lt;/b&gt; to a new ballot&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / Redo&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+PageUp / Ctrl+PageDown&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Change ballot form&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ / Ctrl+-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Larger / smaller text&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Project the results for the meeting (Esc returns)&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;After the last person's cell is keyed, the program moves on to a new ballot by itself.
Every action is written to the file at once: there is no need to save.&lt;/p&gt;
&lt;p&gt;On the grid each cell shows both text and colour: &lt;b&gt;1 High&lt;/b&gt;, &lt;b&gt;2 Conf&lt;/b&gt;, &lt;b&gt;3 Low&lt;/b&gt;, &lt;b&gt;0 None&lt;/b&gt;,
&lt;b&gt;X Multi&lt;/b&gt;. The panel on the right lays out the current ballot like the paper ballot, to compare by eye.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Scanned ballots&lt;/b&gt; (Ballot → Read scanned ballots…, &lt;b&gt;Ctrl+Shift+O&lt;/b&gt;; Ballot → Confirm cells of scanned
ballots…, &lt;b&gt;Ctrl+Shift+R&lt;/b&gt;): each cell the reader is not sure of is shown beside the person's name; the same keys
&lt;b&gt;1&lt;/b&gt;, &lt;b&gt;2&lt;/b&gt;, &lt;b&gt;3&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;, &lt;b&gt;X&lt;/b&gt; confirm it from the paper ballot and go to the next.&lt;/p&gt;
</translation>
        </message>
        <message>
            <source>Kết quả trực tiếp</source>
            <translation>Live results</translation>
        </message>
        <message>
            <source>Mọi thao tác được ghi vào tệp ngay khi thực hiện — không cần lưu.</source>
            <translation>Every action is written to the file as it is made — there is no need to save.</translation>
        </message>
        <message>
            <source>&lt;h1&gt;Tín Nhiệm Desktop&lt;/h1&gt;&lt;p&gt;Kiểm phiếu lấy phiếu tín nhiệm&lt;/p&gt;</source>
            <translation>&lt;h1&gt;Tín Nhiệm Desktop&lt;/h1&gt;&lt;p&gt;Counting confidence-vote ballots&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Tạo đợt lấy phiếu mới… (Ctrl+N)</source>
            <translation>Create a new voting round… (Ctrl+N)</translation>
        </message>
        <message>
            <source>Mở tệp đợt lấy phiếu… (Ctrl+O)</source>
            <translation>Open a voting round file… (Ctrl+O)</translation>
        </message>
        <message>
            <source>&amp;Tệp</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Mở…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>&amp;Sửa thông tin đợt…</source>
            <translation>&amp;Edit round information…</translation>
        </message>
        <message>
            <source>Lập tệp đính &amp;chính…</source>
            <translation>Make a &amp;correction file…</translation>
        </message>
        <message>
            <source>&amp;Khôi phục bản sao lưu…</source>
            <translation>Restore a &amp;backup…</translation>
        </message>
        <message>
            <source>&amp;Tổng hợp kết quả các đơn vị…</source>
            <translation>Consolidate the &amp;units' results…</translation>
        </message>
        <message>
            <source>Nhận &amp;phiếu từ máy nhập khác…</source>
            <translation>Rece&amp;ive ballots from another keying station…</translation>
        </message>
        <message>
            <source>&amp;Xuất tài liệu (biên bản, báo cáo…)…</source>
            <translation>E&amp;xport documents (minutes, reports…)…</translation>
        </message>
        <message>
            <source>Đợt &amp;lấy phiếu mới…</source>
            <translation>&amp;New voting round…</translation>
        </message>
        <message>
            <source>Đợt mới từ tệp năm t&amp;rước…</source>
            <translation>New round from last &amp;year's file…</translation>
        </message>
        <message>
            <source>Tạo &amp;bản cho máy nhập khác…</source>
            <translation>Make a copy for another keying &amp;station…</translation>
        </message>
        <message>
            <source>Đó&amp;ng tệp</source>
            <translation>C&amp;lose file</translation>
        </message>
        <message>
            <source>T&amp;hoát</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Sửa</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Hoàn tác</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Làm lại</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Phóng &amp;to chữ</source>
            <translation>&amp;Larger text</translation>
        </message>
        <message>
            <source>Thu &amp;nhỏ chữ</source>
            <translation>&amp;Smaller text</translation>
        </message>
        <message>
            <source>&amp;Phiếu</source>
            <translation>&amp;Ballot</translation>
        </message>
        <message>
            <source>Phiếu &amp;không hợp lệ…</source>
            <translation>&amp;Invalid ballot…</translation>
        </message>
        <message>
            <source>&amp;Xóa phiếu…</source>
            <translation>&amp;Delete ballot…</translation>
        </message>
        <message>
            <source>Đổi &amp;người nhập / lượt nhập…</source>
            <translation>Change &amp;keyer / keying pass…</translation>
        </message>
        <message>
            <source>Loại phiếu &amp;trước</source>
            <translation>&amp;Previous ballot form</translation>
        </message>
        <message>
            <source>Loại phiếu &amp;sau</source>
            <translation>&amp;Next ballot form</translation>
        </message>
        <message>
            <source>&amp;Kết quả</source>
            <translation>&amp;Results</translation>
        </message>
        <message>
            <source>&amp;Bảng kết quả trực tiếp</source>
            <translation>&amp;Live results panel</translation>
        </message>
        <message>
            <source>&amp;Trình chiếu kết quả</source>
            <translation>&amp;Project the results</translation>
        </message>
        <message>
            <source>Đối chiếu hai &amp;lượt nhập…</source>
            <translation>Co&amp;mpare the two keying passes…</translation>
        </message>
        <message>
            <source>&amp;Quy tắc của đợt…</source>
            <translation>&amp;Rule of this round…</translation>
        </message>
        <message>
            <source>&amp;Chốt kết quả…</source>
            <translation>&amp;Seal the results…</translation>
        </message>
        <message>
            <source>&amp;Kiểm tra tệp</source>
            <translation>&amp;Verify the file</translation>
        </message>
        <message>
            <source>Khôi phục phiếu &amp;hợp lệ</source>
            <translation>&amp;Make the ballot valid again</translation>
        </message>
        <message>
            <source>Số &amp;liệu (triệu tập, có mặt, phát ra, thu về)…</source>
            <translation>&amp;Counts (summoned, present, issued, collected)…</translation>
        </message>
        <message>
            <source>Đọc phiếu &amp;quét…</source>
            <translation>Read &amp;scanned ballots…</translation>
        </message>
        <message>
            <source>Xác nhận ô &amp;của phiếu quét…</source>
            <translation>Con&amp;firm cells of scanned ballots…</translation>
        </message>
        <message>
            <source>Kết quả &amp;năm trước…</source>
            <translation>Last &amp;year's results…</translation>
        </message>
        <message>
            <source>&amp;Quy trình</source>
            <translation>&amp;Procedure</translation>
        </message>
        <message>
            <source>&amp;Danh sách việc cần làm…</source>
            <translation>&amp;Checklist…</translation>
        </message>
        <message>
            <source>Các bước tại &amp;hội nghị…</source>
            <translation>Steps at the &amp;meeting…</translation>
        </message>
        <message>
            <source>&amp;Bàn giao biên bản và phiếu…</source>
            <translation>&amp;Hand over the minutes and ballots…</translation>
        </message>
        <message>
            <source>Báo cáo &amp;cấp trên…</source>
            <translation>&amp;Reports upward…</translation>
        </message>
        <message>
            <source>T&amp;rợ giúp</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Phím tắt…</source>
            <translation>&amp;Keyboard shortcuts…</translation>
        </message>
        <message>
            <source>&amp;Giới thiệu</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>Tín Nhiệm Desktop — kiểm phiếu lấy phiếu tín nhiệm.
Mỗi đợt là một tệp .tinnhiem tự chứa.</source>
            <translation>Tín Nhiệm Desktop — counting confidence-vote ballots.
Each voting round is one self-contained .tinnhiem file.</translation>
        </message>
        <message>
            <source>Người nhập phiếu</source>
            <translation>Keyer</translation>
        </message>
        <message>
            <source>Chưa chọn lượt: giữ lượt người này đã nhập.</source>
            <translation>No pass chosen: keeping the pass this person keyed.</translation>
        </message>
        <message>
            <source>Không đổi người nhập.</source>
            <translation>The keyer is unchanged.</translation>
        </message>
        <message>
            <source>Chưa chọn người nhập (chọn ở Phiếu → Đổi người nhập / lượt nhập).</source>
            <translation>No keyer chosen (choose one in Ballot → Change keyer / pass).</translation>
        </message>
        <message>
            <source>Chưa chọn người nhập: tiếp tục với người nhập cuối cùng trong tệp (đổi ở Phiếu → Đổi người nhập / lượt nhập).</source>
            <translation>No keyer chosen: going on with the last keyer in the file (change in Ballot → Change keyer / pass).</translation>
        </message>
        <message>
            <source>Chưa chọn người nhập: nhập phiếu với tên người lập đợt (đổi ở Phiếu → Đổi người nhập / lượt nhập).</source>
            <translation>No keyer chosen: ballots are keyed in the name of the person who made the round (change it in Ballot → Change keyer / pass).</translation>
        </message>
        <message>
            <source>Họ và tên người nhập phiếu:</source>
            <translation>Full name of the person keying the ballots:</translation>
        </message>
        <message>
            <source>Ai đang nhập phiếu?</source>
            <translation>Who is keying the ballots?</translation>
        </message>
        <message>
            <source>Lượt A — nhập lần thứ nhất</source>
            <translation>Pass A — first keying</translation>
        </message>
        <message>
            <source>Lượt B — nhập lần thứ hai, độc lập (không thấy lượt A)</source>
            <translation>Pass B — second keying, independent (pass A is not shown)</translation>
        </message>
        <message>
            <source>Lượt nhập</source>
            <translation>Keying pass</translation>
        </message>
        <message>
            <source>Đợt này nhập phiếu hai lượt. Người này nhập lượt nào?</source>
            <translation>This round keys every ballot twice. Which pass does this person key?</translation>
        </message>
        <message>
            <source>Đang nhập lượt B: lượt B phải độc lập, không được thấy lượt A. Chỉ mở khi cả hai lượt đã nhập xong. Vẫn mở?</source>
            <translation>Pass B is being keyed: pass B must be independent and must not see pass A. Open this only when both passes are keyed. Open anyway?</translation>
        </message>
        <message>
            <source>Đợt này nhập phiếu một lượt: không có hai lượt để đối chiếu.
Muốn nhập hai lượt độc lập, chọn "Nhập hai lượt" khi tạo đợt (trước khi nhập phiếu).</source>
            <translation>This round keys every ballot once: there are no two passes to compare.
To key twice independently, choose "Key twice" when creating the round (before any ballot is keyed).</translation>
        </message>
        <message>
            <source>Bảng đối chiếu hiện nội dung của cả hai lượt nhập, cả lượt A.</source>
            <translation>The comparison shows what both passes keyed, pass A included.</translation>
        </message>
        <message>
            <source>Tạo bản cho máy nhập khác</source>
            <translation>Copy for another keying station</translation>
        </message>
        <message>
            <source>Tên máy nhập (ví dụ: Máy 2 — chị Lan):</source>
            <translation>Name of the keying station (e.g. Machine 2 — Ms Lan):</translation>
        </message>
        <message>
            <source>Lượt A</source>
            <translation>Pass A</translation>
        </message>
        <message>
            <source>Lượt B</source>
            <translation>Pass B</translation>
        </message>
        <message>
            <source>Máy này nhập lượt nào?</source>
            <translation>Which pass does this station key?</translation>
        </message>
        <message>
            <source>Phạm vi số phiếu máy này nhập, ví dụ 1-150 (để trống: mọi số phiếu):</source>
            <translation>Range of ballot numbers this station keys, e.g. 1-150 (empty: every number):</translation>
        </message>
        <message>
            <source>Phạm vi số phiếu '{numbers}' không hợp lệ: ghi như 1-150.</source>
            <translation>The range of ballot numbers '{numbers}' is not valid: write it like 1-150.</translation>
        </message>
        <message>
            <source>Lưu bản cho máy nhập (chép sang USB)</source>
            <translation>Save the station copy (to copy to a USB stick)</translation>
        </message>
        <message>
            <source>Đã tạo '{file}' cho máy nhập '{station}' (lượt {entry_pass}).
Chép tệp sang máy đó, nhập phiếu, rồi mang tệp về và chọn Tệp → Nhận phiếu từ máy nhập khác.</source>
            <translation>Created '{file}' for the keying station '{station}' (pass {entry_pass}).
Copy the file to that machine, key the ballots, then bring the file back and choose File → Receive ballots from another keying station.</translation>
        </message>
        <message>
            <source>Nhận phiếu từ máy nhập khác</source>
            <translation>Receive ballots from another keying station</translation>
        </message>
        <message>
            <source>Máy nhập '{station}' (lượt {entry_pass}): thêm {added} phiếu mới, {already} phiếu đã có sẵn giống hệt.</source>
            <translation>Keying station '{station}' (pass {entry_pass}): new ballots added: {added}; ballots already here, identical: {already}.</translation>
        </message>
        <message>
            <source>{count} phiếu KHÔNG được nhận (tệp chính giữ nguyên):</source>
            <translation>Ballots NOT received (the main file is unchanged): {count}:</translation>
        </message>
        <message>
            <source>• Loại phiếu {form}: {reason}</source>
            <translation>• Ballot form {form}: {reason}</translation>
        </message>
        <message>
            <source>&amp;Giữ ảnh phiếu quét cạnh tệp đợt (để kiểm tra)</source>
            <translation>Keep scanned page images beside the round file (for a&amp;udit)</translation>
        </message>
        <message>
            <source>Đọc phiếu quét</source>
            <translation>Read scanned ballots</translation>
        </message>
        <message>
            <source>Tệp PDF của máy quét…</source>
            <translation>A scanner's PDF file…</translation>
        </message>
        <message>
            <source>Thư mục ảnh quét (JPEG, PNG, TIFF)…</source>
            <translation>A folder of scanned images (JPEG, PNG, TIFF)…</translation>
        </message>
        <message>
            <source>Đọc phiếu quét từ:</source>
            <translation>Read scanned ballots from:</translation>
        </message>
        <message>
            <source>Tệp quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp)</translation>
        </message>
        <message>
            <source>Đợt này nhập phiếu hai lượt. Phiếu quét là lượt nào?</source>
            <translation>This round keys every ballot twice. Which pass are the scanned ballots?</translation>
        </message>
        <message>
            <source>Không có ô nào của phiếu quét (lượt {entry_pass}) chờ xác nhận.</source>
            <translation>No cell of a scanned ballot (pass {entry_pass}) waits for confirmation.</translation>
        </message>
        <message>
            <source>Số liệu loại phiếu {form}</source>
            <translation>Counts of ballot form {form}</translation>
        </message>
        <message>
            <source>Chốt kết quả cho xem kết quả và các phiếu hai lượt nhập khác nhau.</source>
            <translation>Sealing shows the results and the ballots on which the two passes differ.</translation>
        </message>
        <message>
            <source>Chốt kết quả</source>
            <translation>Seal the results</translation>
        </message>
        <message>
            <source>Số liệu chưa khớp:</source>
            <translation>The counts do not reconcile:</translation>
        </message>
        <message>
            <source>Muốn chốt vẫn phải ghi lý do (in trong biên bản):</source>
            <translation>To seal all the same, write the reason (it is printed in the minutes):</translation>
        </message>
        <message>
            <source>Chốt kết quả với người chốt là {name}?
Sau khi chốt, tệp chỉ còn đọc; muốn sửa phải lập tệp đính chính.</source>
            <translation>Seal the results, with {name} as the person sealing?
Once sealed, the file is read-only; any change needs a correction file.</translation>
        </message>
        <message>
            <source>Chốt vào tệp đợt lấy phiếu</source>
            <translation>Seal into a round file</translation>
        </message>
        <message>
            <source>Đã chốt kết quả lúc {time}.
Dấu vân tay (SHA-256), in trong biên bản:
{fingerprint}</source>
            <translation>Results sealed at {time}.
Fingerprint (SHA-256), printed in the minutes:
{fingerprint}</translation>
        </message>
        <message>
            <source>Ghi các bước này ngay…</source>
            <translation>Record these steps now…</translation>
        </message>
        <message>
            <source>Chốt khi chưa ghi các bước này</source>
            <translation>Seal without recording these steps</translation>
        </message>
        <message>
            <source>Các bước tại hội nghị chưa được ghi nhận; biên bản chỉ in những gì đã ghi:</source>
            <translation>These steps at the meeting are not recorded; the minutes print only what was recorded:</translation>
        </message>
        <message>
            <source>Họ và tên người chốt kết quả:</source>
            <translation>Full name of the person sealing the results:</translation>
        </message>
        <message>
            <source>Ai chốt kết quả?</source>
            <translation>Who seals the results?</translation>
        </message>
        <message>
            <source>Các tài liệu ghi kết quả có tính cả lượt A.</source>
            <translation>The documents give results that count pass A too.</translation>
        </message>
        <message>
            <source>Kiểm tra tệp</source>
            <translation>Check the file</translation>
        </message>
        <message>
            <source>Dấu vân tay in trên biên bản đã ký (gõ đủ 64 ký tự; dấu cách, gạch nối không tính).
Để trống nếu chỉ kiểm tra tệp với chính nó:</source>
            <translation>Fingerprint printed on the signed minutes (all 64 characters; spaces and dashes do not matter).
Leave empty to check the file only against itself:</translation>
        </message>
        <message>
            <source>Tệp nguyên vẹn: {events} sự kiện trong nhật ký khớp với dữ liệu.
Dấu vân tay hiện tại: {fingerprint}</source>
            <translation>The file is intact: {events} events in the log match the data.
Current fingerprint: {fingerprint}</translation>
        </message>
        <message>
            <source>Khớp với dấu vân tay trên biên bản.</source>
            <translation>It matches the fingerprint on the minutes.</translation>
        </message>
        <message>
            <source>TỆP KHÔNG NGUYÊN VẸN:</source>
            <translation>THE FILE IS NOT INTACT:</translation>
        </message>
        <message>
            <source>Các báo cáo ghi kết quả có tính cả lượt A.</source>
            <translation>The reports give results that count pass A too.</translation>
        </message>
        <message>
            <source>Phím tắt — Tín Nhiệm Desktop</source>
            <translation>Keyboard shortcuts — Tín Nhiệm Desktop</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Lịch sử hoàn tác đã được xóa; dữ liệu trong tệp vẫn đúng.</source>
            <translation>The undo history was cleared; the data in the file is still correct.</translation>
        </message>
        <message>
            <source>đã chốt kết quả</source>
            <translation>results sealed</translation>
        </message>
        <message>
            <source>chỉ xem</source>
            <translation>read-only</translation>
        </message>
        <message>
            <source>đang kiểm phiếu</source>
            <translation>counting</translation>
        </message>
        <message>
            <source>Người nhập: &lt;b&gt;{name}&lt;/b&gt;</source>
            <translation>Keyer: &lt;b&gt;{name}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;lượt {entry_pass}&lt;/b&gt;</source>
            <translation>&lt;b&gt;pass {entry_pass}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>máy nhập &lt;b&gt;{station}&lt;/b&gt;</source>
            <translation>keying station &lt;b&gt;{station}&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>MeetingStepsDialog</name>
        <message>
            <source>Các bước tại hội nghị</source>
            <translation>Steps at the meeting</translation>
        </message>
        <message>
            <source>Số người có mặt theo từng loại phiếu (điểm danh tại hội nghị):</source>
            <translation>People present per ballot form (attendance taken at the meeting):</translation>
        </message>
        <message>
            <source>Loại phiếu</source>
            <translation>Ballot form</translation>
        </message>
        <message>
            <source>Triệu tập</source>
            <translation>Summoned</translation>
        </message>
        <message>
            <source>Có mặt</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>Số ý kiến đồng ý:</source>
            <translation>In favour:</translation>
        </message>
        <message>
            <source>Số ý kiến không đồng ý:</source>
            <translation>Against:</translation>
        </message>
        <message>
            <source>Số phiếu phát ra theo từng loại phiếu:</source>
            <translation>Ballots issued per ballot form:</translation>
        </message>
        <message>
            <source>Số phiếu thu về theo từng loại phiếu:</source>
            <translation>Ballots collected per ballot form:</translation>
        </message>
        <message>
            <source>‹ Quay lại</source>
            <translation>‹ Back</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Điểm danh</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>Hội nghị biểu quyết thông qua {team} gồm các đồng chí:</source>
            <translation>The meeting votes on the {team} proposed:</translation>
        </message>
        <message>
            <source>(chưa có {team}: hãy sửa thông tin đợt)</source>
            <translation>(no {team} yet: edit the round information)</translation>
        </message>
        <message>
            <source>Các bước tại hội nghị đã xong. {team} bắt đầu kiểm phiếu: nhập từng phiếu vào chương trình.</source>
            <translation>The steps at the meeting are done. The {team} starts counting: key each ballot into the program.</translation>
        </message>
        <message>
            <source>Phát phiếu</source>
            <translation>Ballots issued</translation>
        </message>
        <message>
            <source>Biểu quyết {team}</source>
            <translation>Vote on the {team}</translation>
        </message>
        <message>
            <source>Thu phiếu</source>
            <translation>Ballots collected</translation>
        </message>
        <message>
            <source>Mở nhập phiếu</source>
            <translation>Open counting</translation>
        </message>
        <message>
            <source>Bước {number}/{total}: {title}</source>
            <translation>Step {number}/{total}: {title}</translation>
        </message>
        <message>
            <source>Ghi và tiếp ›</source>
            <translation>Record and continue ›</translation>
        </message>
        <message>
            <source>⚠ có mặt nhiều hơn triệu tập</source>
            <translation>⚠ more present than summoned</translation>
        </message>
        <message>
            <source>✓ đạt {quorum} số được triệu tập</source>
            <translation>✓ {quorum} of those summoned reached</translation>
        </message>
        <message>
            <source>⚠ chưa đạt {quorum} số được triệu tập</source>
            <translation>⚠ {quorum} of those summoned not reached</translation>
        </message>
        <message>
            <source>✓ {team} được thông qua.</source>
            <translation>✓ The {team} is approved.</translation>
        </message>
        <message>
            <source>Biểu quyết {team}: {in_favour} đồng ý, {against} không đồng ý.</source>
            <translation>Vote on the {team}: {in_favour} in favour, {against} against.</translation>
        </message>
        <message>
            <source>⚠ Chưa được thông qua: số đồng ý phải nhiều hơn số không đồng ý.</source>
            <translation>⚠ Not approved: more must be in favour than against.</translation>
        </message>
        <message>
            <source>Loại phiếu {code}: có mặt {present}, phát ra {issued}, thu về {collected}.</source>
            <translation>Ballot form {code}: {present} present, {issued} issued, {collected} collected.</translation>
        </message>
    </context>
    <context>
        <name>PriorDialog</name>
        <message>
            <source>Nhập tay kết quả năm trước</source>
            <translation>Type in last year's result</translation>
        </message>
        <message>
            <source>{name}: kết quả năm {year}, theo biên bản kiểm phiếu của năm đó. Số liệu này được ghi là nhập tay ở mọi nơi nó xuất hiện.</source>
            <translation>{name}: the {year} result, as that year's counting minutes give it. These figures are marked as typed by hand wherever they appear.</translation>
        </message>
        <message>
            <source>(không rõ)</source>
            <translation>(not known)</translation>
        </message>
        <message>
            <source>VD: Biên bản kiểm phiếu ngày 25/11/2025</source>
            <translation>e.g. Counting minutes of 25/11/2025</translation>
        </message>
        <message>
            <source>Năm:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Số phiếu tín nhiệm thấp:</source>
            <translation>Low-confidence ballots:</translation>
        </message>
        <message>
            <source>Số phiếu làm cơ sở tính tỷ lệ:</source>
            <translation>Base of the percentages (ballots):</translation>
        </message>
        <message>
            <source>Số phiếu tín nhiệm cao:</source>
            <translation>High-confidence ballots:</translation>
        </message>
        <message>
            <source>Số phiếu tín nhiệm:</source>
            <translation>Confidence ballots:</translation>
        </message>
        <message>
            <source>Nguồn số liệu:</source>
            <translation>Source of the figures:</translation>
        </message>
        <message>
            <source>Ghi</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ProjectorView</name>
        <message>
            <source>Kết quả kiểm phiếu — trình chiếu</source>
            <translation>Counting results — projector</translation>
        </message>
        <message>
            <source>KẾT QUẢ LẤY PHIẾU TÍN NHIỆM</source>
            <translation>RESULTS OF THE CONFIDENCE VOTE</translation>
        </message>
        <message>
            <source>← → đổi loại phiếu · Ctrl++ / Ctrl+- cỡ chữ, Ctrl+0 vừa màn hình · Esc trở lại</source>
            <translation>← → change form · Ctrl++ / Ctrl+- type size, Ctrl+0 fit the screen · Esc return</translation>
        </message>
    </context>
    <context>
        <name>ReportsDialog</name>
        <message>
            <source>Báo cáo cấp trên</source>
            <translation>Reports upward</translation>
        </message>
        <message>
            <source>⚠ Kết quả chưa chốt: báo cáo sẽ ghi "BẢN NHÁP" và không được ghi nhận là đã gửi.</source>
            <translation>⚠ The results are not sealed: the reports will say "BẢN NHÁP" (draft) and are not recorded as sent.</translation>
        </message>
        <message>
            <source>Ngày báo cáo:</source>
            <translation>Report date:</translation>
        </message>
        <message>
            <source>ví dụ: Phòng Tổ chức cán bộ (để trống: in dòng chấm)</source>
            <translation>e.g. Phòng Tổ chức cán bộ (empty: a dotted line)</translation>
        </message>
        <message>
            <source>Kính gửi (cơ quan tổ chức cán bộ):</source>
            <translation>Addressed to (personnel office):</translation>
        </message>
        <message>
            <source>Kính gửi (báo cáo riêng):</source>
            <translation>Addressed to (separate report):</translation>
        </message>
        <message>
            <source>Chưa có người nào được đánh dấu thuộc diện Ban Thường vụ Tỉnh ủy quản lý (đánh dấu trong thông tin đợt, danh sách người được lấy phiếu).</source>
            <translation>Nobody is marked as managed by the provincial Party standing committee (mark them in the round information, list of people rated).</translation>
        </message>
        <message>
            <source>Thư mục:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Chọn…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Xuất báo cáo</source>
            <translation>Write the reports</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Chưa chọn báo cáo nào để xuất.</source>
            <translation>No report chosen.</translation>
        </message>
        <message>
            <source>Đang xuất…</source>
            <translation>Writing…</translation>
        </message>
        <message>
            <source>Đã xuất:</source>
            <translation>Written:</translation>
        </message>
        <message>
            <source>Chọn thư mục lưu báo cáo</source>
            <translation>Choose the folder for the reports</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Cao</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Tín nhiệm</source>
            <translation>Confidence</translation>
        </message>
        <message>
            <source>Thấp</source>
            <translation>Low</translation>
        </message>
        <message>
            <source>Thấp năm trước</source>
            <translation>Low last year</translation>
        </message>
        <message>
            <source>Không tính</source>
            <translation>Not counted</translation>
        </message>
        <message>
            <source>Biểu đồ</source>
            <translation>Chart</translation>
        </message>
        <message>
            <source>Ngưỡng</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <source>Xanh lá: tín nhiệm cao · Xanh dương: tín nhiệm · Đỏ: tín nhiệm thấp · Xám: không tính</source>
            <translation>Green: high confidence · Blue: confidence · Red: low confidence · Grey: not counted</translation>
        </message>
        <message>
            <source> (nhập tay)</source>
            <translation> (typed in)</translation>
        </message>
    </context>
    <context>
        <name>ResultsPane</name>
        <message>
            <source>Đang nhập lượt B: kết quả và chênh lệch với lượt A được ẩn để lượt B độc lập. Xem sau khi cả hai lượt đã nhập xong.</source>
            <translation>Pass B is being keyed: the results and the differences from pass A are hidden so that pass B stays independent. See them once both passes are keyed.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Loại phiếu {code}: {title}&lt;/b&gt;</source>
            <translation>&lt;b&gt;Ballot form {code}: {title}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>{base} Quy tắc: {rule}.</source>
            <translation>{base} Rule: {rule}.</translation>
        </message>
    </context>
    <context>
        <name>RoundOpening</name>
        <message>
            <source>Tệp đợt lấy phiếu năm trước</source>
            <translation>Last year's round file</translation>
        </message>
        <message>
            <source>Đã liên kết kết quả năm {year} của {count} người theo mã người.</source>
            <translation>People whose {year} results were linked by person key: {count}.</translation>
        </message>
        <message>
            <source>Không dùng tệp {file}: {reason}</source>
            <translation>File {file} not used: {reason}</translation>
        </message>
        <message>
            <source>Mở tệp đợt lấy phiếu</source>
            <translation>Open a voting round file</translation>
        </message>
        <message>
            <source>Mở tệp ở chế độ chỉ xem?</source>
            <translation>Open the file read-only?</translation>
        </message>
        <message>
            <source>Lập tệp đính chính</source>
            <translation>Make a correction file</translation>
        </message>
        <message>
            <source>Lý do đính chính kết quả đã chốt:</source>
            <translation>Reason for correcting the sealed results:</translation>
        </message>
        <message>
            <source>Lưu tệp đính chính</source>
            <translation>Save the correction file</translation>
        </message>
        <message>
            <source>Đã tự động sao lưu tệp đợt lấy phiếu.</source>
            <translation>The voting round file was backed up automatically.</translation>
        </message>
        <message>
            <source>Không sao lưu được: {reason}</source>
            <translation>Backup failed: {reason}</translation>
        </message>
        <message>
            <source>Chưa có bản sao lưu nào. Chương trình tự sao lưu vài phút một lần khi đang nhập phiếu.</source>
            <translation>There are no backups yet. The program backs up every few minutes while ballots are being keyed.</translation>
        </message>
        <message>
            <source>{name} — lúc {time} ngày {date}</source>
            <translation>{name} — at {time} on {date}</translation>
        </message>
        <message>
            <source>Khôi phục bản sao lưu</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Chọn bản sao lưu (mới nhất ở đầu):</source>
            <translation>Choose a backup (newest first):</translation>
        </message>
        <message>
            <source>Lưu bản khôi phục thành tệp mới</source>
            <translation>Save the restored copy as a new file</translation>
        </message>
        <message>
            <source>Mở &amp;gần đây</source>
            <translation>Open &amp;recent</translation>
        </message>
    </context>
    <context>
        <name>RoundWizard</name>
        <message>
            <source>Tạo đợt lấy phiếu mới</source>
            <translation>New voting round</translation>
        </message>
        <message>
            <source>Sửa thông tin đợt lấy phiếu</source>
            <translation>Edit the voting round information</translation>
        </message>
        <message>
            <source>&lt; &amp;Quay lại</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>&amp;Tiếp theo &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>&amp;Hoàn tất</source>
            <translation>&amp;Finish</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>RuleDialog</name>
        <message>
            <source>Quy tắc của đợt lấy phiếu</source>
            <translation>Rule of this round</translation>
        </message>
        <message>
            <source>Quy tắc quyết định cách tính tỷ lệ và các ngưỡng; phiếu đã nhập không thay đổi. Mỗi thay đổi được ghi vào nhật ký và in trong biên bản; sau khi chốt kết quả không thể thay đổi nữa.</source>
            <translation>The rule decides how percentages are calculated and the thresholds; ballots already keyed do not change. Every change is written in the log and printed in the minutes; once the results are sealed it can no longer change.</translation>
        </message>
        <message>
            <source>Áp dụng</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>RuleEditor</name>
        <message>
            <source>Theo quy tắc</source>
            <translation>As the rule says</translation>
        </message>
        <message>
            <source>Tên gọi in trên biên bản, thông báo và phiếu: theo văn bản của quy tắc ("Tổ kiểm phiếu" hoặc "Ban kiểm phiếu").</source>
            <translation>The name printed on the minutes, notices and ballots: as the rule's text says ("Tổ kiểm phiếu" or "Ban kiểm phiếu").</translation>
        </message>
        <message>
            <source>Điều chỉnh cho đợt này (chỉ khi cần)</source>
            <translation>Adjustments for this round (only if needed)</translation>
        </message>
        <message>
            <source>&amp;Lưu thành quy tắc riêng…</source>
            <translation>&amp;Save as my own rule…</translation>
        </message>
        <message>
            <source>&amp;Ngưỡng tín nhiệm thấp:</source>
            <translation>&amp;Low-confidence thresholds:</translation>
        </message>
        <message>
            <source>Hội nghị hợp lệ khi số người có &amp;mặt đạt từ</source>
            <translation>The &amp;meeting is valid when those present reach at least</translation>
        </message>
        <message>
            <source>Theo quy tắc &amp;gốc</source>
            <translation>As the &amp;original rule</translation>
        </message>
        <message>
            <source>Q&amp;uy tắc:</source>
            <translation>&amp;Rule:</translation>
        </message>
        <message>
            <source>Tỷ lệ tính t&amp;rên:</source>
            <translation>&amp;Percentages of:</translation>
        </message>
        <message>
            <source>Số chữ &amp;số thập phân:</source>
            <translation>&amp;Decimal places:</translation>
        </message>
        <message>
            <source>số người được triệu tập</source>
            <translation>of the people summoned</translation>
        </message>
        <message>
            <source>Tên gọi &amp;bộ phận kiểm phiếu:</source>
            <translation>Name of the counting &amp;team:</translation>
        </message>
        <message>
            <source>{name} (quy tắc riêng)</source>
            <translation>{name} (own rule)</translation>
        </message>
        <message>
            <source>Bỏ qua một tệp quy tắc riêng không đọc được: {reason}</source>
            <translation>Skipped a saved rule file that cannot be read: {reason}</translation>
        </message>
        <message>
            <source>Ngưỡng {number}: {reason}</source>
            <translation>Threshold {number}: {reason}</translation>
        </message>
        <message>
            <source>Số người có mặt tối thiểu: {reason}</source>
            <translation>Minimum attendance: {reason}</translation>
        </message>
        <message>
            <source>trên</source>
            <translation>above</translation>
        </message>
        <message>
            <source>từ … trở lên</source>
            <translation>… or more</translation>
        </message>
        <message>
            <source>2/3 hoặc 75%</source>
            <translation>2/3 or 75%</translation>
        </message>
        <message>
            <source>Ngưỡng {number} kết thúc tại mức này.</source>
            <translation>Threshold {number} ends at this level.</translation>
        </message>
        <message>
            <source>{number}.</source>
            <translation>{number}.</translation>
        </message>
        <message>
            <source>Nguồn: {source}.</source>
            <translation>Source: {source}.</translation>
        </message>
        <message>
            <source>Tỷ lệ phần trăm tính trên {base}.</source>
            <translation>Percentages are calculated on the {base}.</translation>
        </message>
        <message>
            <source>Các ngưỡng tín nhiệm thấp được báo:</source>
            <translation>Low-confidence thresholds reported:</translation>
        </message>
        <message>
            <source>Hội nghị hợp lệ khi có mặt từ {fraction} số người được triệu tập.</source>
            <translation>The meeting is valid when at least {fraction} of the people summoned are present.</translation>
        </message>
        <message>
            <source>Tỷ lệ làm tròn đến {decimals} chữ số thập phân (từ 5 trở lên làm tròn lên).</source>
            <translation>Percentages are rounded to {decimals} decimal places (5 and above rounds up).</translation>
        </message>
        <message>
            <source>Bộ phận kiểm phiếu: {team}.</source>
            <translation>Counting body: {team}.</translation>
        </message>
        <message>
            <source>⚠ chưa đọc được mức này</source>
            <translation>⚠ this level cannot be read</translation>
        </message>
        <message>
            <source>⚠ ngưỡng không chứa tỷ lệ nào</source>
            <translation>⚠ no share falls in this threshold</translation>
        </message>
        <message>
            <source>Đã điều chỉnh so với quy tắc gốc: {changes}. Điều chỉnh được ghi vào biên bản.</source>
            <translation>Adjusted from the original rule: {changes}. The adjustment is written in the minutes.</translation>
        </message>
        <message>
            <source>Đã có quy tắc riêng tên '{name}'. Thay bằng các thiết lập này?</source>
            <translation>There is already an own rule named '{name}'. Replace it with these settings?</translation>
        </message>
        <message>
            <source>Đã lưu quy tắc riêng '{name}' ({file}); có thể chọn lại ở mọi đợt lấy phiếu.</source>
            <translation>Saved own rule '{name}' ({file}); it can be chosen again in any round.</translation>
        </message>
    </context>
    <context>
        <name>RulesPage</name>
        <message>
            <source>Quy tắc kiểm phiếu</source>
            <translation>Counting rules</translation>
        </message>
        <message>
            <source>Văn bản quy định cách tính tỷ lệ và các ngưỡng tín nhiệm thấp.</source>
            <translation>The regulation that sets how percentages are calculated and the low-confidence thresholds.</translation>
        </message>
        <message>
            <source>Văn bản quy định cách tính tỷ lệ và các ngưỡng tín nhiệm thấp. Đợt mới dùng quy tắc đã chọn lần trước trên máy này (lần đầu: Quy định 96-QĐ/TW); có thể chọn quy tắc khác ở ô đầu tiên.</source>
            <translation>The regulation that sets how percentages are calculated and the low-confidence thresholds. A new round uses the rule chosen last time on this computer (the first time: Regulation 96-QĐ/TW); another rule can be chosen in the first field.</translation>
        </message>
        <message>
            <source>Nhập một lượt</source>
            <translation>Key once</translation>
        </message>
        <message>
            <source>Nhập hai lượt độc lập (A và B), đối chiếu rồi mới chốt</source>
            <translation>Key twice independently (A and B), compare, then seal</translation>
        </message>
        <message>
            <source>&amp;Cách nhập phiếu:</source>
            <translation>&amp;Keying:</translation>
        </message>
    </context>
    <context>
        <name>SavePage</name>
        <message>
            <source>Lưu tệp</source>
            <translation>Save the file</translation>
        </message>
        <message>
            <source>Tệp .tinnhiem chứa toàn bộ đợt lấy phiếu: thông tin, các phiếu đã nhập và nhật ký.</source>
            <translation>The .tinnhiem file holds the whole voting round: its information, the ballots keyed and the log.</translation>
        </message>
        <message>
            <source>Hãy lưu tệp ở thư mục được sao lưu thường xuyên. Chương trình không ghi đè lên tệp đã có.</source>
            <translation>Save the file in a folder that is backed up regularly. The program never overwrites an existing file.</translation>
        </message>
        <message>
            <source>&amp;Chọn...</source>
            <translation>&amp;Choose...</translation>
        </message>
        <message>
            <source>&amp;Lưu đợt lấy phiếu vào tệp:</source>
            <translation>&amp;Save the voting round in the file:</translation>
        </message>
        <message>
            <source>Lưu đợt lấy phiếu</source>
            <translation>Save the voting round</translation>
        </message>
        <message>
            <source>Tệp đợt lấy phiếu (*.tinnhiem)</source>
            <translation>Voting round files (*.tinnhiem)</translation>
        </message>
        <message>
            <source>Chưa chọn nơi lưu tệp.</source>
            <translation>No place to save the file has been chosen.</translation>
        </message>
        <message>
            <source>Tên tệp có ký tự không hợp lệ.</source>
            <translation>The file name contains a character that is not allowed.</translation>
        </message>
        <message>
            <source>'{path}' là một thư mục, chưa có tên tệp. Hãy gõ thêm tên tệp, VD: {example}</source>
            <translation>'{path}' is a folder, not yet a file name. Type a file name after it, e.g. {example}</translation>
        </message>
        <message>
            <source>Thư mục '{folder}' chưa có.</source>
            <translation>The folder '{folder}' does not exist yet.</translation>
        </message>
        <message>
            <source>'{folder}' là một tệp, không phải thư mục.</source>
            <translation>'{folder}' is a file, not a folder.</translation>
        </message>
        <message>
            <source>Không dùng được đường dẫn '{path}': {reason}</source>
            <translation>The path '{path}' cannot be used: {reason}</translation>
        </message>
        <message>
            <source>Thư mục '{folder}' chưa có. Tạo thư mục này để lưu tệp?</source>
            <translation>The folder '{folder}' does not exist yet. Create it to save the file?</translation>
        </message>
        <message>
            <source>Không tạo được thư mục '{folder}': {reason}</source>
            <translation>The folder '{folder}' could not be created: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SaveRuleDialog</name>
        <message>
            <source>Lưu thành quy tắc riêng</source>
            <translation>Save as my own rule</translation>
        </message>
        <message>
            <source>VD: Quy chế lấy phiếu tín nhiệm của Sở (2026)</source>
            <translation>E.g. Quy chế lấy phiếu tín nhiệm của Sở (2026)</translation>
        </message>
        <message>
            <source>VD: Quyết định số 123/QĐ-SGTVT ngày 01/10/2026</source>
            <translation>E.g. Quyết định số 123/QĐ-SGTVT ngày 01/10/2026</translation>
        </message>
        <message>
            <source>Tên và căn cứ in trong biên bản thay cho tên văn bản gốc. Quy tắc được lưu trên máy này; tệp đợt lấy phiếu dùng nó vẫn chứa đủ quy tắc để mở ở máy khác.</source>
            <translation>The name and the source are printed in the minutes in place of the original regulation's. The rule is saved on this computer; a round file using it still holds the whole rule and opens on any other.</translation>
        </message>
        <message>
            <source>Lưu</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Hủy</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Tên quy tắc:</source>
            <translation>Rule name:</translation>
        </message>
        <message>
            <source>Căn cứ (văn bản):</source>
            <translation>Source (regulation):</translation>
        </message>
    </context>
    <context>
        <name>ScanDialog</name>
        <message>
            <source>Đọc phiếu quét</source>
            <translation>Read scanned ballots</translation>
        </message>
        <message>
            <source>Đang đọc &lt;b&gt;{file}&lt;/b&gt; vào lượt {entry_pass}…</source>
            <translation>Reading &lt;b&gt;{file}&lt;/b&gt; into pass {entry_pass}…</translation>
        </message>
        <message>
            <source>%v/%m trang</source>
            <translation>%v/%m pages</translation>
        </message>
        <message>
            <source>&amp;Dừng đọc</source>
            <translation>&amp;Stop reading</translation>
        </message>
        <message>
            <source>&amp;Xác nhận các ô cần xem…</source>
            <translation>&amp;Confirm the cells to check…</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Đang dừng…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>Đang giữ ảnh các trang cạnh tệp đợt…</source>
            <translation>Keeping the page images beside the round file…</translation>
        </message>
        <message>
            <source>Đã dừng đọc: chưa lưu phiếu nào của tệp này.</source>
            <translation>Reading stopped: no ballot of this file was stored.</translation>
        </message>
        <message>
            <source>Không lưu được phiếu quét.</source>
            <translation>The scanned ballots could not be stored.</translation>
        </message>
        <message>
            <source>Không đọc được {file}.</source>
            <translation>Could not read {file}.</translation>
        </message>
        <message>
            <source>Đã đọc xong &lt;b&gt;{file}&lt;/b&gt;.</source>
            <translation>Finished reading &lt;b&gt;{file}&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Đọc {pages} trang: lưu &lt;b&gt;{ballots}&lt;/b&gt; phiếu vào lượt {entry_pass}</source>
            <translation>Read {pages} pages: stored &lt;b&gt;{ballots}&lt;/b&gt; ballots in pass {entry_pass}</translation>
        </message>
        <message>
            <source> (phiếu số {first}–{last}, theo thứ tự quét)</source>
            <translation> (ballots no. {first}–{last}, in scan order)</translation>
        </message>
        <message>
            <source>{accepted} ô máy đọc rõ; &lt;b&gt;{review}&lt;/b&gt; ô chờ xác nhận theo phiếu giấy (chưa được tính).</source>
            <translation>{accepted} cells read clearly; &lt;b&gt;{review}&lt;/b&gt; cells wait to be confirmed from the paper (not counted yet).</translation>
        </message>
        <message>
            <source>Ảnh các trang được giữ lại để kiểm tra trong thư mục {folder}.</source>
            <translation>The page images are kept for audit in the folder {folder}.</translation>
        </message>
        <message>
            <source>Giữ lại, chưa lưu: {words} (trang {pages} của tệp quét) — quét lại đủ trang hoặc nhập tay.</source>
            <translation>Held back, not stored: {words} (page {pages} of the scan) — scan all its pages again or key it by hand.</translation>
        </message>
        <message>
            <source>⚠ {count} trang để riêng, không được đọc: nhập tay các phiếu này (hoặc quét lại).</source>
            <translation>⚠ {count} pages set aside, not read: key these ballots by hand (or scan them again).</translation>
        </message>
        <message>
            <source>Trang {page} ({file}): {words}</source>
            <translation>Page {page} ({file}): {words}</translation>
        </message>
    </context>
    <context>
        <name>ScanReviewDialog</name>
        <message>
            <source>Xác nhận ô của phiếu quét — lượt {entry_pass}</source>
            <translation>Confirm cells of scanned ballots — pass {entry_pass}</translation>
        </message>
        <message>
            <source>&lt;b&gt;1&lt;/b&gt; Cao · &lt;b&gt;2&lt;/b&gt; Tín nhiệm · &lt;b&gt;3&lt;/b&gt; Thấp · &lt;b&gt;0&lt;/b&gt; hoặc &lt;b&gt;Dấu cách&lt;/b&gt; Không đánh dấu · &lt;b&gt;X&lt;/b&gt; Nhiều ô (không tính) — xác nhận và sang ô tiếp theo.&lt;br&gt;&lt;b&gt;←&lt;/b&gt;/&lt;b&gt;→&lt;/b&gt; ô trước/sau (chưa xác nhận) · &lt;b&gt;Esc&lt;/b&gt; đóng (các ô còn lại chờ lần sau).</source>
            <translation>&lt;b&gt;1&lt;/b&gt; High · &lt;b&gt;2&lt;/b&gt; Confidence · &lt;b&gt;3&lt;/b&gt; Low · &lt;b&gt;0&lt;/b&gt; or &lt;b&gt;Space&lt;/b&gt; No mark · &lt;b&gt;X&lt;/b&gt; Several boxes (not counted) — confirms and goes to the next cell.&lt;br&gt;&lt;b&gt;←&lt;/b&gt;/&lt;b&gt;→&lt;/b&gt; previous/next cell (without confirming) · &lt;b&gt;Esc&lt;/b&gt; closes (the other cells wait for later).</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Đã xác nhận {count} ô.</source>
            <translation>{count} cells confirmed.</translation>
        </message>
        <message>
            <source>Không còn ô nào chờ xác nhận</source>
            <translation>No cell waits for confirmation</translation>
        </message>
        <message>
            <source>Mọi phiếu quét của lượt {entry_pass} đã được tính.</source>
            <translation>Every scanned ballot of pass {entry_pass} is counted.</translation>
        </message>
        <message>
            <source>Nhấn Esc để đóng.</source>
            <translation>Press Esc to close.</translation>
        </message>
        <message>
            <source>Ô {index}/{total} chờ xác nhận · ô {place}/{count} của phiếu này</source>
            <translation>Cell {index}/{total} to confirm · cell {place}/{count} of this ballot</translation>
        </message>
        <message>
            <source>Phiếu số {number}</source>
            <translation>Ballot no. {number}</translation>
        </message>
        <message>
            <source>Loại phiếu {form}: {title} · lượt {entry_pass} · trang {page} của tệp {file} — ghi số này lên phiếu giấy</source>
            <translation>Form {form}: {title} · pass {entry_pass} · page {page} of {file} — write this number on the paper ballot</translation>
        </message>
        <message>
            <source>Người thứ &lt;b&gt;{order}&lt;/b&gt;: &lt;b&gt;{name}&lt;/b&gt; — {position}</source>
            <translation>Person &lt;b&gt;{order}&lt;/b&gt;: &lt;b&gt;{name}&lt;/b&gt; — {position}</translation>
        </message>
        <message>
            <source>Trên trang này máy đọc là không đánh dấu: người thứ {orders} (khung xanh bên phải) — nếu phiếu giấy khác, sửa trên lưới nhập.</source>
            <translation>On this page the reader found no mark for person {orders} (blue frames on the right) — if the paper says otherwise, correct it in the grid.</translation>
        </message>
        <message>
            <source>Máy đọc: &lt;b&gt;nhiều ô được đánh dấu&lt;/b&gt;</source>
            <translation>Reader: &lt;b&gt;several boxes marked&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Máy đọc: &lt;b&gt;không chắc chắn&lt;/b&gt; — đoán {guess}</source>
            <translation>Reader: &lt;b&gt;not sure&lt;/b&gt; — guesses {guess}</translation>
        </message>
        <message>
            <source>Máy đọc: &lt;b&gt;không chắc chắn&lt;/b&gt; — không đoán được</source>
            <translation>Reader: &lt;b&gt;not sure&lt;/b&gt; — no guess</translation>
        </message>
        <message>
            <source>Độ đậm của mực trong từng ô: {fills}</source>
            <translation>Ink in each box: {fills}</translation>
        </message>
    </context>
    <context>
        <name>TallyTab</name>
        <message>
            <source>Phiếu số &lt;b&gt;{number}&lt;/b&gt; · Người thứ &lt;b&gt;{order}/{total}&lt;/b&gt;: &lt;b&gt;{name}&lt;/b&gt; — {position}</source>
            <translation>Ballot &lt;b&gt;{number}&lt;/b&gt; · Person &lt;b&gt;{order}/{total}&lt;/b&gt;: &lt;b&gt;{name}&lt;/b&gt; — {position}</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu đã chốt kết quả: không thể nhập thêm.</source>
            <translation>The results of this voting round are sealed: no more ballots can be keyed.</translation>
        </message>
        <message>
            <source>Tệp đang mở ở chế độ chỉ xem: không thể nhập.</source>
            <translation>The file is open read-only: nothing can be keyed.</translation>
        </message>
        <message>
            <source>Nhập {mark}</source>
            <translation>Key {mark}</translation>
        </message>
        <message>
            <source>Điền {mark} cho các ô còn lại</source>
            <translation>Fill {mark} into the remaining cells</translation>
        </message>
        <message>
            <source>Xóa ô</source>
            <translation>Clear cell</translation>
        </message>
        <message>
            <source>Phiếu số {number} đã là phiếu không hợp lệ.</source>
            <translation>Ballot {number} is already invalid.</translation>
        </message>
        <message>
            <source>Phiếu không hợp lệ</source>
            <translation>Invalid ballot</translation>
        </message>
        <message>
            <source>Lý do phiếu số {number} không hợp lệ:</source>
            <translation>Why ballot {number} is invalid:</translation>
        </message>
        <message>
            <source>Phiếu số {number} không hợp lệ</source>
            <translation>Ballot {number} invalid</translation>
        </message>
        <message>
            <source>Khôi phục phiếu số {number}</source>
            <translation>Make ballot {number} valid again</translation>
        </message>
        <message>
            <source>Xóa phiếu số {number} khỏi loại phiếu '{form}'?
Số của các phiếu khác không thay đổi.</source>
            <translation>Delete ballot {number} from ballot form '{form}'?
The other ballots keep their numbers.</translation>
        </message>
        <message>
            <source>Xóa phiếu số {number}</source>
            <translation>Delete ballot {number}</translation>
        </message>
        <message>
            <source>Phiếu số {number} không hợp lệ: khôi phục phiếu trước khi nhập (menu Phiếu).</source>
            <translation>Ballot {number} is invalid: make it valid again before keying (Ballot menu).</translation>
        </message>
        <message>
            <source>Phiếu số {number}: {action}</source>
            <translation>Ballot {number}: {action}</translation>
        </message>
    </context>
    <context>
        <name>TeamPage</name>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Vai trò</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Thêm &amp;người</source>
            <translation>Add &amp;person</translation>
        </message>
        <message>
            <source>&amp;Xóa người</source>
            <translation>&amp;Delete person</translation>
        </message>
        <message>
            <source>{head} và các thành viên do hội nghị bầu; tên của họ in ở phần ký biên bản.</source>
            <translation>The {head} and the members elected by the meeting; their names are printed where the minutes are signed.</translation>
        </message>
        <message>
            <source>Cần ít nhất một thành viên {team} có họ và tên.</source>
            <translation>The {team} needs at least one member with a full name.</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Dữ liệu đã nhập trước đó vẫn được lưu trong tệp.</source>
            <translation>Everything keyed before is still saved in the file.</translation>
        </message>
    </context>
    <context>
        <name>compare</name>
        <message>
            <source>Khác ô đánh dấu</source>
            <translation>Marks differ</translation>
        </message>
        <message>
            <source>Khác về hợp lệ</source>
            <translation>Validity differs</translation>
        </message>
        <message>
            <source>Chỉ lượt A có phiếu này</source>
            <translation>Only pass A has this ballot</translation>
        </message>
        <message>
            <source>Chỉ lượt B có phiếu này</source>
            <translation>Only pass B has this ballot</translation>
        </message>
        <message>
            <source>Lấy theo lượt A</source>
            <translation>Taken from pass A</translation>
        </message>
        <message>
            <source>Lấy theo lượt B</source>
            <translation>Taken from pass B</translation>
        </message>
        <message>
            <source>Đã nhập lại</source>
            <translation>Keyed again</translation>
        </message>
        <message>
            <source>(không có phiếu)</source>
            <translation>(no ballot)</translation>
        </message>
        <message>
            <source>Không hợp lệ ({reason})</source>
            <translation>Invalid ({reason})</translation>
        </message>
        <message>
            <source>(trống)</source>
            <translation>(empty)</translation>
        </message>
    </context>
    <context>
        <name>results</name>
        <message>
            <source>Đã nhập {keyed} (hợp lệ {valid}, không hợp lệ {invalid}) · Thu về {collected} · Phát ra {issued} · Có mặt {present} · Triệu tập {summoned}</source>
            <translation>Keyed {keyed} (valid {valid}, invalid {invalid}) · Collected {collected} · Issued {issued} · Present {present} · Summoned {summoned}</translation>
        </message>
        <message>
            <source>Tỷ lệ % tính trên {base}.</source>
            <translation>Percentages of the {base}.</translation>
        </message>
        <message>
            <source>Tỷ lệ % tính trên {base}: {count} phiếu.</source>
            <translation>Percentages of the {base}: {count}.</translation>
        </message>
    </context>
    <context>
        <name>scanning</name>
        <message>
            <source>Cao</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Tín nhiệm</source>
            <translation>Confidence</translation>
        </message>
        <message>
            <source>Thấp</source>
            <translation>Low</translation>
        </message>
    </context>
    <context>
        <name>tally</name>
        <message>
            <source>1 Cao</source>
            <translation>1 High</translation>
        </message>
        <message>
            <source>2 TN</source>
            <translation>2 Conf</translation>
        </message>
        <message>
            <source>3 Thấp</source>
            <translation>3 Low</translation>
        </message>
        <message>
            <source>0 Trống</source>
            <translation>0 Blank</translation>
        </message>
        <message>
            <source>X Nhiều</source>
            <translation>X Multi</translation>
        </message>
        <message>
            <source>Tín nhiệm cao</source>
            <translation>High confidence</translation>
        </message>
        <message>
            <source>Tín nhiệm</source>
            <translation>Confidence</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp</source>
            <translation>Low confidence</translation>
        </message>
        <message>
            <source>Không đánh dấu</source>
            <translation>No mark</translation>
        </message>
        <message>
            <source>Đánh dấu nhiều ô</source>
            <translation>More than one box marked</translation>
        </message>
        <message>
            <source>Không phải phiếu do {team} phát ra</source>
            <translation>Not a ballot issued by the {team}</translation>
        </message>
        <message>
            <source>Phiếu không có dấu của cơ quan, tổ chức</source>
            <translation>The ballot has no stamp of the agency or organisation</translation>
        </message>
        <message>
            <source>Phiếu gạch tên, ghi thêm tên hoặc viết thêm nội dung</source>
            <translation>A name crossed out, a name or other text added</translation>
        </message>
        <message>
            <source>Lý do khác...</source>
            <translation>Other reason...</translation>
        </message>
        <message>
            <source>Phiếu mới</source>
            <translation>New ballot</translation>
        </message>
        <message>
            <source>Không hợp lệ: {reason}</source>
            <translation>Invalid: {reason}</translation>
        </message>
        <message>
            <source>Hợp lệ</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>Còn {count} ô</source>
            <translation>Cells left: {count}</translation>
        </message>
    </context>
    <context>
        <name>wording</name>
        <message>
            <source>Không tìm thấy tệp '{file}'.</source>
            <translation>The file '{file}' was not found.</translation>
        </message>
        <message>
            <source>Không đọc được tệp '{file}': {detail}.</source>
            <translation>The file '{file}' cannot be read: {detail}.</translation>
        </message>
        <message>
            <source>Tệp không phải văn bản UTF-8 (hãy lưu lại tệp với mã hóa UTF-8).</source>
            <translation>The file is not UTF-8 text (save it again with UTF-8 encoding).</translation>
        </message>
        <message>
            <source>Tệp '{file}' đã có; chương trình không ghi đè lên đợt lấy phiếu khác. Hãy chọn tên tệp mới.</source>
            <translation>The file '{file}' already exists; the program never overwrites another voting round. Choose a new file name.</translation>
        </message>
        <message>
            <source>Không ghi được vào '{file}': {detail}.</source>
            <translation>Cannot write to '{file}': {detail}.</translation>
        </message>
        <message>
            <source>'{file}' là một thư mục, không phải một tệp. Hãy chọn một tệp trong thư mục đó.</source>
            <translation>'{file}' is a folder, not a file. Choose a file in that folder.</translation>
        </message>
        <message>
            <source>'{file}' là một thư mục đã có, chưa có tên tệp. Hãy gõ thêm tên tệp mới, VD: {example}</source>
            <translation>'{file}' is an existing folder, with no file name. Type a new file name after it, e.g. {example}</translation>
        </message>
        <message>
            <source>Thư mục '{folder}' chưa có nên không ghi được tệp '{file}'. Hãy chọn một thư mục đã có.</source>
            <translation>The folder '{folder}' does not exist, so '{file}' could not be written. Choose a folder that exists.</translation>
        </message>
        <message>
            <source>Chưa chọn thư mục lưu tài liệu.</source>
            <translation>No folder chosen for the documents.</translation>
        </message>
        <message>
            <source>'{folder}' là một tệp, không phải thư mục. Hãy chọn một thư mục để lưu tài liệu.</source>
            <translation>'{folder}' is a file, not a folder. Choose a folder for the documents.</translation>
        </message>
        <message>
            <source>Đường dẫn '{path}' có ký tự không dùng được trong tên tệp hay thư mục.</source>
            <translation>The path '{path}' has a character no file or folder name may hold.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không phải là tệp đợt lấy phiếu (.tinnhiem) của Tín Nhiệm Desktop. Tệp không bị thay đổi.</source>
            <translation>The file '{file}' is not a Tín Nhiệm Desktop voting round file (.tinnhiem). The file was not changed.</translation>
        </message>
        <message>
            <source>Tệp '{file}' bị cắt cụt hoặc hỏng (thiếu dữ liệu so với phần đầu tệp). Tệp không bị thay đổi; hãy dùng bản sao lưu.</source>
            <translation>The file '{file}' is truncated or damaged (data is missing compared with its header). The file was not changed; use a backup copy.</translation>
        </message>
        <message>
            <source>Tệp '{file}' bị hỏng, không đọc được ({detail}). Tệp không bị thay đổi; hãy dùng bản sao lưu.</source>
            <translation>The file '{file}' is damaged and cannot be read ({detail}). The file was not changed; use a backup copy.</translation>
        </message>
        <message>
            <source>Tệp '{file}' đã bị sửa ngoài chương trình: có giá trị mà chương trình không bao giờ ghi ({detail}). Tệp không bị thay đổi thêm.</source>
            <translation>The file '{file}' was changed outside the program: it holds a value the program never writes ({detail}). The file was not changed further.</translation>
        </message>
        <message>
            <source>Tệp '{file}' được tạo bởi phiên bản mới hơn của chương trình (lược đồ {version}, phiên bản này đọc được đến {supported}). Hãy cập nhật chương trình. Tệp không bị thay đổi.</source>
            <translation>The file '{file}' was made by a newer version of the program (schema {version}; this version reads up to {supported}). Update the program. The file was not changed.</translation>
        </message>
        <message>
            <source>Tệp '{file}' có lược đồ cũ; hãy mở tệp để ghi một lần để chương trình nâng cấp (có tạo bản sao lưu).</source>
            <translation>The file '{file}' has an old schema; open it once for writing so that the program upgrades it (a backup copy is made).</translation>
        </message>
        <message>
            <source>Tệp '{file}' đang được mở để ghi ở nơi khác ({holder}). Chỉ một nơi được ghi vào một đợt lấy phiếu tại một thời điểm.</source>
            <translation>The file '{file}' is open for writing elsewhere ({holder}). Only one place at a time may write to a voting round.</translation>
        </message>
        <message>
            <source>Tệp khóa '{file}' không phải một tệp thường của chương trình (là liên kết, thư mục hoặc tệp có nhiều tên) nên không được dùng, và không có tệp nào bị sửa. Hãy xóa '{file}' rồi mở lại '{round}'.</source>
            <translation>The lock file '{file}' is not an ordinary file of the program (it is a link, a folder or a file with several names), so it is not used, and no file was changed. Delete '{file}' and open '{round}' again.</translation>
        </message>
        <message>
            <source>Tệp '{file}' chứa thành phần không do chương trình tạo ({objects}): tệp đã bị sửa ngoài chương trình nên không được mở. Tệp không bị thay đổi; hãy dùng bản sao lưu.</source>
            <translation>The file '{file}' holds parts the program never makes ({objects}): it was changed outside the program and is not opened. The file was not changed; use a backup.</translation>
        </message>
        <message>
            <source>Tệp '{file}' đã bị chuyển đi, bị xóa hoặc bị thay bằng tệp khác trong lúc đang mở: thao tác chưa được ghi. Hãy đóng đợt này rồi mở lại tệp (hoặc bản sao lưu) ở nơi nó đang nằm.</source>
            <translation>The file '{file}' was moved, deleted or replaced while it was open: the action was not written. Close this round and open the file (or a backup) where it now is.</translation>
        </message>
        <message>
            <source>Tệp '{file}' đang mở ở chế độ chỉ đọc; không thể thay đổi.</source>
            <translation>The file '{file}' is open read-only; it cannot be changed.</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu trong tệp '{file}' đã chốt kết quả lúc {sealed_at}; không thể thay đổi.</source>
            <translation>The results of the voting round in '{file}' were sealed at {sealed_at}; it cannot be changed.</translation>
        </message>
        <message>
            <source>Không nâng cấp được tệp '{file}' lên lược đồ mới ({detail}). Tệp không bị thay đổi.</source>
            <translation>Could not upgrade '{file}' to the new schema ({detail}). The file was not changed.</translation>
        </message>
        <message>
            <source>Bên cạnh tệp '{file}' có tệp phụ '{sidecar}' không thuộc về tệp này (của một tệp khác hoặc của một bản cũ hơn): chương trình không dùng nó mà để riêng thành '{set_aside}'. Tệp đợt lấy phiếu không bị thay đổi.</source>
            <translation>Beside '{file}' lies '{sidecar}', which does not belong to it (another file's or an older copy's): it was not used and was set aside as '{set_aside}'. The round file was not changed.</translation>
        </message>
        <message>
            <source>Bên cạnh tệp '{file}' có tệp phụ '{sidecar}' không thuộc về tệp này (của một tệp khác hoặc của một bản cũ hơn): chương trình bỏ qua nó và chỉ đọc tệp chính. Không có gì bị thay đổi.</source>
            <translation>Beside '{file}' lies '{sidecar}', which does not belong to it (another file's or an older copy's): it was ignored and only the round file was read. Nothing was changed.</translation>
        </message>
        <message>
            <source>Không ghi được vào '{file}' ({detail}). Thao tác chưa được thực hiện; dữ liệu đã nhập trước đó vẫn còn nguyên.</source>
            <translation>Cannot write to '{file}' ({detail}). The action was not carried out; everything keyed before is still there.</translation>
        </message>
        <message>
            <source>Địa chỉ máy chủ '{url}' không đúng dạng postgresql://TÀI_KHOẢN@MÁY_CHỦ/CƠ_SỞ_DỮ_LIỆU/TÊN_ĐỢT (tên đợt gồm chữ thường không dấu, chữ số, dấu gạch dưới).</source>
            <translation>The server address '{url}' is not of the form postgresql://ACCOUNT@SERVER/DATABASE/ROUND (the round name: lower-case letters without accents, digits, underscores).</translation>
        </message>
        <message>
            <source>Chương trình chưa có phần kết nối PostgreSQL (psycopg). Hãy cài bản đầy đủ của chương trình.</source>
            <translation>The program lacks its PostgreSQL connector (psycopg). Install the full edition of the program.</translation>
        </message>
        <message>
            <source>Không kết nối được máy chủ '{url}' ({detail}). Hãy kiểm tra mạng, địa chỉ, tài khoản và mật khẩu.</source>
            <translation>Cannot connect to the server '{url}' ({detail}). Check the network, the address, the account and the password.</translation>
        </message>
        <message>
            <source>Mất kết nối với máy chủ '{url}' ({detail}). Thao tác vừa rồi chưa được ghi; các phiếu đã nhập trước đó vẫn còn trên máy chủ. Khi mạng trở lại, hãy nhập lại ô vừa rồi.</source>
            <translation>The connection to the server '{url}' was lost ({detail}). The last action was not saved; the ballots keyed before it are still on the server. When the network is back, key that cell again.</translation>
        </message>
        <message>
            <source>Máy chủ '{url}' không ghi được thay đổi ({detail}). Thao tác chưa được thực hiện.</source>
            <translation>The server '{url}' could not save the change ({detail}). Nothing was done.</translation>
        </message>
        <message>
            <source>Trên máy chủ '{url}' không có đợt lấy phiếu '{round}'.</source>
            <translation>The server '{url}' has no round '{round}'.</translation>
        </message>
        <message>
            <source>Trên máy chủ '{url}' đã có đợt lấy phiếu '{round}'; hãy chọn tên khác.</source>
            <translation>The server '{url}' already has a round '{round}'; choose another name.</translation>
        </message>
        <message>
            <source>Một máy khác vừa sửa đúng phiếu này trên máy chủ '{url}' ({detail}); thao tác của máy này chưa được ghi. Hãy xem lại phiếu (đã cập nhật) rồi nhập lại nếu cần.</source>
            <translation>Another PC has just changed this very ballot on the server '{url}' ({detail}); this PC's action was not saved. Look at the ballot again (it is up to date) and key it again if needed.</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu trên máy chủ '{url}' được chốt vào một tệp đợt lấy phiếu: hãy chọn tệp để ghi.</source>
            <translation>A round on the server '{url}' is sealed into a round file: choose the file to write.</translation>
        </message>
        <message>
            <source>Trong lúc chốt, đợt lấy phiếu trên máy chủ '{url}' đã thay đổi; chưa chốt. Hãy chốt lại.</source>
            <translation>The round on the server '{url}' changed while it was being sealed; it is not sealed. Seal it again.</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu trên máy chủ '{url}' đã chốt vào tệp '{file}'; các bước sau khi chốt ghi vào tệp đó.</source>
            <translation>The round on the server '{url}' was sealed into the file '{file}'; the steps after the seal are recorded in that file.</translation>
        </message>
        <message>
            <source>Hãy cho biết tệp đợt lấy phiếu sẽ tạo, hoặc máy chủ (--server), một trong hai.</source>
            <translation>Name either the round file to make or the server (--server), one of the two.</translation>
        </message>
        <message>
            <source>'{file}' là tệp đợt lấy phiếu, không phải đợt trên máy chủ.</source>
            <translation>'{file}' is a round file, not a round on a server.</translation>
        </message>
        <message>
            <source>Tệp '{file}' quá lớn cho một danh sách (tối đa {rows} dòng, {columns} cột, đọc trong {seconds} giây); không có gì được nhập.</source>
            <translation>The file '{file}' is too large for a list (at most {rows} rows, {columns} columns, read within {seconds} seconds); nothing was imported.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không phải bảng tính Excel (.xlsx) hoặc tệp CSV; hãy mở tệp trong Excel và lưu lại thành .xlsx hoặc CSV UTF-8.</source>
            <translation>The file '{file}' is not an Excel spreadsheet (.xlsx) or a CSV file; open it in Excel and save it as .xlsx or CSV UTF-8.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không có trang tính '{sheet}' (có: {known}).</source>
            <translation>The file '{file}' has no sheet '{sheet}' (it has: {known}).</translation>
        </message>
        <message>
            <source>JSON sai cú pháp: {detail}.</source>
            <translation>JSON syntax error: {detail}.</translation>
        </message>
        <message>
            <source>cần một đối tượng JSON {{...}}.</source>
            <translation>a JSON object {{...}} is needed.</translation>
        </message>
        <message>
            <source>cần một danh sách JSON [...].</source>
            <translation>a JSON list [...] is needed.</translation>
        </message>
        <message>
            <source>danh sách không được để trống.</source>
            <translation>the list must not be empty.</translation>
        </message>
        <message>
            <source>thiếu mục '{key}'.</source>
            <translation>the item '{key}' is missing.</translation>
        </message>
        <message>
            <source>mục '{key}' phải là chuỗi văn bản.</source>
            <translation>the item '{key}' must be text.</translation>
        </message>
        <message>
            <source>mục '{key}' không được để trống.</source>
            <translation>the item '{key}' must not be empty.</translation>
        </message>
        <message>
            <source>mục '{key}' phải là số nguyên (đang là {value!r}).</source>
            <translation>the item '{key}' must be a whole number (it is {value!r}).</translation>
        </message>
        <message>
            <source>mục '{key}' = {value} lớn hơn mức tối đa {maximum}.</source>
            <translation>the item '{key}' = {value} is above the maximum {maximum}.</translation>
        </message>
        <message>
            <source>mục '{key}' dài {length} ký tự, quá mức tối đa {maximum} ký tự.</source>
            <translation>the entry '{key}' is {length} characters long, over the limit of {maximum}.</translation>
        </message>
        <message>
            <source>mục '{key}' = {value} nhỏ hơn mức tối thiểu {minimum}.</source>
            <translation>the item '{key}' = {value} is below the minimum {minimum}.</translation>
        </message>
        <message>
            <source>không có bộ quy tắc '{rule}'. Các bộ quy tắc: {known}.</source>
            <translation>there is no rule '{rule}'. The rules are: {known}.</translation>
        </message>
        <message>
            <source>không có cơ sở tính tỷ lệ '{base}'. Dùng một trong: {known}.</source>
            <translation>there is no percentage base '{base}'. Use one of: {known}.</translation>
        </message>
        <message>
            <source>số chữ số thập phân {value} vượt quá {maximum}.</source>
            <translation>{value} decimal places is more than {maximum}.</translation>
        </message>
        <message>
            <source>kiểu thể thức '{style}' không hợp lệ (dùng 'state' hoặc 'party').</source>
            <translation>the document style '{style}' is not valid (use 'state' or 'party').</translation>
        </message>
        <message>
            <source>mã loại phiếu '{form}' không được chứa dấu phẩy.</source>
            <translation>the ballot form code '{form}' must not contain a comma.</translation>
        </message>
        <message>
            <source>mã loại phiếu '{form}' bị trùng.</source>
            <translation>the ballot form code '{form}' is used twice.</translation>
        </message>
        <message>
            <source>mã người '{key}' bị trùng trong cùng loại phiếu.</source>
            <translation>the person key '{key}' is used twice in the same ballot form.</translation>
        </message>
        <message>
            <source>mục '{key}' phải là true hoặc false (đang là {value!r}).</source>
            <translation>the item '{key}' must be true or false (it is {value!r}).</translation>
        </message>
        <message>
            <source>cách nhập phiếu '{mode}' không hợp lệ (dùng: {known}).</source>
            <translation>the keying mode '{mode}' is not valid (use: {known}).</translation>
        </message>
        <message>
            <source>ngưỡng '{value}' không hợp lệ: viết dạng phân số (2/3) hoặc phần trăm (75%), lớn hơn 0 và không quá 100%.</source>
            <translation>threshold '{value}' is not valid: write a fraction (2/3) or a percentage (75%), above 0 and at most 100%.</translation>
        </message>
        <message>
            <source>mỗi ngưỡng cần đúng một cận dưới ('over': trên, hoặc 'at_least': từ … trở lên) và nhiều nhất một cận trên ('below': dưới, hoặc 'up_to': không quá).</source>
            <translation>each threshold needs exactly one lower bound ('over' or 'at_least') and at most one upper bound ('below' or 'up_to').</translation>
        </message>
        <message>
            <source>ngưỡng từ {lower} đến {upper} không chứa tỷ lệ nào: cận dưới phải nhỏ hơn cận trên.</source>
            <translation>no share falls in the threshold from {lower} to {upper}: the lower bound must be below the upper bound.</translation>
        </message>
        <message>
            <source>không có loại ngưỡng '{flag}' (có: {known}).</source>
            <translation>there is no threshold kind '{flag}' (known: {known}).</translation>
        </message>
        <message>
            <source>loại ngưỡng '{flag}' bị trùng.</source>
            <translation>threshold kind '{flag}' appears twice.</translation>
        </message>
        <message>
            <source>các ngưỡng phải đúng là các ngưỡng của quy tắc '{rule}', theo thứ tự: {flags}; chỉ được đổi mức của ngưỡng.</source>
            <translation>the thresholds must be those of the rule '{rule}', in order: {flags}; only their levels may change.</translation>
        </message>
        <message>
            <source>'{rule}' là mã của một quy tắc có sẵn; quy tắc riêng cần mã khác.</source>
            <translation>'{rule}' is the id of a built-in rule; an own rule needs another id.</translation>
        </message>
        <message>
            <source>Cần đặt tên cho quy tắc riêng.</source>
            <translation>Give the own rule a name.</translation>
        </message>
        <message>
            <source>Cần ghi căn cứ của quy tắc riêng (văn bản quy định), để in trong biên bản.</source>
            <translation>Write the own rule's source (the regulation), to be printed in the minutes.</translation>
        </message>
        <message>
            <source>Tệp quy tắc riêng '{file}' trùng tên với quy tắc '{name}' đã có: bỏ qua.</source>
            <translation>The saved rule file '{file}' has the same name as the rule '{name}' already read: skipped.</translation>
        </message>
        <message>
            <source>tệp trống, thiếu dòng tiêu đề form,ballot,status,1,2,...</source>
            <translation>the file is empty; the heading row form,ballot,status,1,2,... is missing</translation>
        </message>
        <message>
            <source>dòng tiêu đề phải bắt đầu bằng form,ballot,status rồi đến 1,2,...,N.</source>
            <translation>the heading row must start with form,ballot,status followed by 1,2,...,N.</translation>
        </message>
        <message>
            <source>dòng tiêu đề: cần cột '{expected}', gặp '{found}'.</source>
            <translation>heading row: the column '{expected}' was expected, '{found}' was found.</translation>
        </message>
        <message>
            <source>dòng thiếu cột: cần ít nhất form,ballot,status.</source>
            <translation>the row has too few columns: at least form,ballot,status are needed.</translation>
        </message>
        <message>
            <source>CSV sai cú pháp: {detail}.</source>
            <translation>CSV syntax error: {detail}.</translation>
        </message>
        <message>
            <source>không có loại phiếu '{form}' trong đợt này (có: {known}).</source>
            <translation>this round has no ballot form '{form}' (it has: {known}).</translation>
        </message>
        <message>
            <source>số phiếu '{value}' không hợp lệ: phải là số nguyên dương.</source>
            <translation>the ballot number '{value}' is not valid: it must be a positive whole number.</translation>
        </message>
        <message>
            <source>số phiếu {ballot} lớn hơn mức tối đa {maximum}.</source>
            <translation>ballot number {ballot} is above the limit of {maximum}.</translation>
        </message>
        <message>
            <source>nội dung dài {length} ký tự, quá mức tối đa {maximum} ký tự.</source>
            <translation>the text is {length} characters long, over the limit of {maximum}.</translation>
        </message>
        <message>
            <source>tệp có hơn {maximum} dòng phiếu, không thể là phiếu của một đợt; không có phiếu nào được thêm.</source>
            <translation>the file has more than {maximum} ballot rows, which cannot be one round's ballots; no ballot was added.</translation>
        </message>
        <message>
            <source>loại phiếu '{form}' đã có {maximum} phiếu, gấp ba số người được triệu tập ({summoned}): tệp không thể đúng; không có phiếu nào được thêm.</source>
            <translation>form '{form}' already has {maximum} ballots, three times the number summoned ({summoned}): the file cannot be right; no ballot was added.</translation>
        </message>
        <message>
            <source>phiếu số {ballot} của loại phiếu '{form}' đã có; số phiếu không được trùng.</source>
            <translation>ballot {ballot} of ballot form '{form}' already exists; ballot numbers must not repeat.</translation>
        </message>
        <message>
            <source>trạng thái '{value}' không hợp lệ: dùng 'valid' (hợp lệ), 'invalid' hoặc 'invalid:lý do' (không hợp lệ).</source>
            <translation>the status '{value}' is not valid: use 'valid', 'invalid' or 'invalid:reason'.</translation>
        </message>
        <message>
            <source>ô đánh dấu '{value}' không hợp lệ: dùng 1 (tín nhiệm cao), 2 (tín nhiệm), 3 (tín nhiệm thấp), 0 hoặc để trống (không đánh dấu), x (đánh dấu nhiều ô), ? (chưa nhập).</source>
            <translation>the mark '{value}' is not valid: use 1 (high confidence), 2 (confidence), 3 (low confidence), 0 or empty (no mark), x (more than one box marked), ? (not keyed yet).</translation>
        </message>
        <message>
            <source>loại phiếu '{form}' chỉ có {size} người; không có người thứ {candidate}.</source>
            <translation>ballot form '{form}' has only {size} people; there is no person no. {candidate}.</translation>
        </message>
        <message>
            <source>phiếu số {ballot} không hợp lệ nên không được có ô đánh dấu.</source>
            <translation>ballot {ballot} is invalid, so it must not have any marks.</translation>
        </message>
        <message>
            <source>phiếu số {ballot} không hợp lệ nên không có ô nào chờ nhập: bỏ dấu ? ở các ô.</source>
            <translation>ballot {ballot} is invalid, so no cell of it waits to be keyed: remove the ? from its cells.</translation>
        </message>
        <message>
            <source>năm sinh '{value}' không hợp lệ: cần năm có 4 chữ số, từ 1900 đến 2100.</source>
            <translation>the year of birth '{value}' is not valid: a 4-digit year from 1900 to 2100 is needed.</translation>
        </message>
        <message>
            <source>không có phiếu số {ballot} của loại phiếu '{form}'.</source>
            <translation>there is no ballot {ballot} of ballot form '{form}'.</translation>
        </message>
        <message>
            <source>phiếu số {ballot} của loại phiếu '{form}' đã bị đánh dấu không hợp lệ; hãy khôi phục phiếu trước khi nhập.</source>
            <translation>ballot {ballot} of ballot form '{form}' is marked invalid; make it valid again before keying.</translation>
        </message>
        <message>
            <source>cần ghi lý do phiếu số {ballot} không hợp lệ.</source>
            <translation>write why ballot {ballot} is invalid.</translation>
        </message>
        <message>
            <source>Đã có phiếu được nhập trong '{file}': không thể sửa danh sách, Tổ kiểm phiếu hay quy tắc nữa.</source>
            <translation>Ballots have already been keyed in '{file}': the lists, the counting team and the rule can no longer be changed.</translation>
        </message>
        <message>
            <source>{count_name} của loại phiếu '{form}' phải là số nguyên không âm (đang là {value!r}).</source>
            <translation>{count_name} of ballot form '{form}' must be a whole number, not negative (it is {value!r}).</translation>
        </message>
        <message>
            <source>Số người có mặt ({present}) lớn hơn số người được triệu tập ({summoned}).</source>
            <translation>The number of people present ({present}) is larger than the number summoned ({summoned}).</translation>
        </message>
        <message>
            <source>Số phiếu phát ra ({issued}) lớn hơn số người có mặt ({present}).</source>
            <translation>The number of ballots issued ({issued}) is larger than the number of people present ({present}).</translation>
        </message>
        <message>
            <source>Số phiếu thu về ({collected}) lớn hơn số phiếu phát ra ({issued}).</source>
            <translation>The number of ballots collected ({collected}) is larger than the number issued ({issued}).</translation>
        </message>
        <message>
            <source>Số phiếu đã nhập ({keyed}) nhiều hơn số phiếu thu về ({collected}).</source>
            <translation>More ballots are keyed ({keyed}) than were collected ({collected}).</translation>
        </message>
        <message>
            <source>Số phiếu đã nhập ({keyed}) chưa bằng số phiếu thu về ({collected}).</source>
            <translation>Fewer ballots are keyed ({keyed}) than were collected ({collected}).</translation>
        </message>
        <message>
            <source>Số người có mặt ({present}/{summoned}) chưa đạt {required} số người được triệu tập.</source>
            <translation>The number of people present ({present}/{summoned}) is below {required} of the number summoned.</translation>
        </message>
        <message>
            <source>{count} phiếu còn ô chưa nhập: phiếu số {ballot_list}.</source>
            <translation>Ballots with cells not yet keyed: {count} (no. {ballot_list}).</translation>
        </message>
        <message>
            <source>{count} phiếu có chênh lệch giữa lượt nhập A và lượt nhập B chưa được xử lý: phiếu số {ballot_list}. Các phiếu này chưa được tính vào kết quả.</source>
            <translation>Ballots on which keying pass A and keying pass B differ, not settled: {count} (no. {ballot_list}). These ballots are not counted in the results yet.</translation>
        </message>
        <message>
            <source>Không thể nhập lượt {entry_pass}: tệp này chỉ nhập lượt {allowed}.</source>
            <translation>Pass {entry_pass} cannot be keyed: this file keys pass {allowed} only.</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu trong '{file}' nhập phiếu một lượt: không có chênh lệch để xử lý.</source>
            <translation>The voting round in '{file}' keys every ballot once: there are no differences to settle.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} của loại phiếu '{form}' được hai lượt nhập giống nhau: không có chênh lệch để xử lý.</source>
            <translation>Both passes keyed ballot {ballot} of ballot form '{form}' the same: there is no difference to settle.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} nằm ngoài phạm vi phiếu của máy nhập '{station}' (từ {first} đến {last}).</source>
            <translation>Ballot {ballot} is outside the range of keying station '{station}' (from {first} to {last}).</translation>
        </message>
        <message>
            <source>Cần đặt tên cho máy nhập (ví dụ: Máy 2).</source>
            <translation>The keying station needs a name (e.g. Machine 2).</translation>
        </message>
        <message>
            <source>Tệp '{file}' đã là bản của máy nhập '{station}': chỉ tạo bản máy nhập từ tệp chính.</source>
            <translation>The file '{file}' is already the copy of keying station '{station}': station copies are made from the main file only.</translation>
        </message>
        <message>
            <source>Phạm vi số phiếu không hợp lệ (từ {first} đến {last}).</source>
            <translation>The range of ballot numbers is not valid (from {first} to {last}).</translation>
        </message>
        <message>
            <source>Tệp '{file}' là bản của máy nhập '{station}': danh sách và quy tắc chỉ sửa ở tệp chính.</source>
            <translation>The file '{file}' is the copy of keying station '{station}': the lists and the rule are changed in the main file only.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không phải bản của một máy nhập (tạo bằng Tệp → Tạo bản cho máy nhập khác).</source>
            <translation>The file '{file}' is not a keying station copy (made with File → Make a copy for another keying station).</translation>
        </message>
        <message>
            <source>Tệp '{file}' thuộc đợt lấy phiếu khác ('{title}'): không nhập vào đợt này. Không có gì thay đổi.</source>
            <translation>The file '{file}' belongs to another voting round ('{title}'): it is not imported into this one. Nothing was changed.</translation>
        </message>
        <message>
            <source>Tệp '{file}' có danh sách hoặc số liệu khác tệp chính: không nhập. Không có gì thay đổi.</source>
            <translation>The file '{file}' has lists or counts that differ from the main file: it is not imported. Nothing was changed.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không qua được kiểm tra toàn vẹn ({count} vấn đề; chạy 'tinnhiem-cli verify' để xem): không nhập. Không có gì thay đổi.</source>
            <translation>The file '{file}' fails the integrity check ({count} problems; run 'tinnhiem-cli verify' to see them): it is not imported. Nothing was changed.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} (lượt {entry_pass}) đã có ở tệp chính với nội dung khác: giữ nguyên tệp chính.</source>
            <translation>Ballot {ballot} (pass {entry_pass}) is already in the main file with different content: the main file is kept as it is.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} (lượt {entry_pass}) nằm ngoài phạm vi của máy nhập: không nhập.</source>
            <translation>Ballot {ballot} (pass {entry_pass}) is outside the keying station's range: it is not imported.</translation>
        </message>
        <message>
            <source>Cơ sở dữ liệu hỏng: {detail}.</source>
            <translation>The database is damaged: {detail}.</translation>
        </message>
        <message>
            <source>Bản sao lưu tự động mới nhất '{backup}' có {count} ghi nhận sau khi chốt (công bố kết quả, bàn giao, gửi báo cáo) mà tệp không còn đủ hoặc đã bị thay: một ghi nhận sau khi chốt đã bị xóa sau lần sao lưu đó. Hãy so tệp với bản sao lưu này trước khi dùng.</source>
            <translation>The newest automatic backup '{backup}' has {count} records made after the seal (results announced, hand-over, report sent) that the file no longer has, or has changed: a record made after the seal was deleted after that backup. Compare the file with this backup before using it.</translation>
        </message>
        <message>
            <source>Nhật ký của tệp không có sự kiện số {seq} như bản sao lưu tự động mới nhất '{backup}': phần cuối nhật ký đã bị xóa hoặc bị thay sau lần sao lưu đó. Hãy so tệp với bản sao lưu này trước khi dùng.</source>
            <translation>The file's log lacks event {seq} as held by the newest automatic backup '{backup}': the end of the log was deleted or replaced after that backup. Compare the file with this backup before using it.</translation>
        </message>
        <message>
            <source>Nhật ký bị mất sự kiện: cần sự kiện số {expected}, gặp số {found}.</source>
            <translation>Events are missing from the log: event {expected} was expected, event {found} was found.</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} trong nhật ký đã bị sửa (mã băm không khớp).</source>
            <translation>Event {seq} in the log has been altered (the hash does not match).</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} trong nhật ký không khớp với trạng thái trước nó.</source>
            <translation>Event {seq} in the log does not match the state before it.</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} ('{action}') trong nhật ký có nội dung không đọc được (đã bị sửa?).</source>
            <translation>Event {seq} ('{action}') in the log cannot be read (altered?).</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} có loại '{action}' không xác định.</source>
            <translation>Event {seq} has an unknown type '{action}'.</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} ('{action}') có trường không thuộc loại sự kiện này hoặc thiếu trường: {fields} (đã bị sửa?).</source>
            <translation>Event {seq} ('{action}') has a field its type does not have, or lacks one: {fields} (altered?).</translation>
        </message>
        <message>
            <source>Nhật ký không có sự kiện tạo đợt lấy phiếu.</source>
            <translation>The log has no event creating the voting round.</translation>
        </message>
        <message>
            <source>Thông tin đợt lấy phiếu (danh sách, Tổ kiểm phiếu...) khác với nhật ký.</source>
            <translation>The voting round information (lists, counting team...) differs from the log.</translation>
        </message>
        <message>
            <source>Quy tắc kiểm phiếu trong tệp (văn bản, cơ sở tính tỷ lệ, ngưỡng hoặc số người có mặt tối thiểu) khác với nhật ký.</source>
            <translation>The counting rule in the file (regulation, percentage base, thresholds or minimum attendance) differs from the log.</translation>
        </message>
        <message>
            <source>{count_name} trong tệp là {stored}, theo nhật ký là {logged}.</source>
            <translation>{count_name} in the file is {stored}; according to the log it is {logged}.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} có trong tệp nhưng nhật ký không ghi lần nhập nào.</source>
            <translation>Ballot {ballot} is in the file, but the log records no keying of it.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot} có trong nhật ký nhưng đã mất khỏi tệp.</source>
            <translation>Ballot {ballot} is in the log but is missing from the file.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot}: trong tệp là phiếu {stored_status}, theo nhật ký là phiếu {logged_status}.</source>
            <translation>Ballot {ballot}: in the file it is {stored_status}; according to the log it is {logged_status}.</translation>
        </message>
        <message>
            <source>Tệp '{file}' không phải bản cho máy nhập do đợt này tạo ra (đợt này không ghi nhận bản nào như vậy): không nhận phiếu từ tệp.</source>
            <translation>The file '{file}' is not a station copy this round made (the round recorded no such copy): its ballots are not taken.</translation>
        </message>
        <message>
            <source>Không lập tệp đính chính từ '{file}': tệp không còn nguyên vẹn ({count} chỗ sai); hãy kiểm tra tệp (tinnhiem-cli verify) và dùng bản đã chốt còn nguyên vẹn.</source>
            <translation>No correction made from '{file}': the file is not intact ({count} problems); check it (tinnhiem-cli verify) and use an intact sealed copy.</translation>
        </message>
        <message>
            <source>không khớp với báo cáo giấy của đơn vị ({detail})</source>
            <translation>does not match the unit's paper report ({detail})</translation>
        </message>
        <message>
            <source>Dòng phải có tên tệp và dấu vân tay, cách nhau bằng dấu phẩy (dòng này có {columns} cột).</source>
            <translation>A line must have a file name and a fingerprint, separated by a comma (this line has {columns} columns).</translation>
        </message>
        <message>
            <source>Dấu vân tay của tệp '{file}' phải đủ 64 ký tự 0–9, a–f.</source>
            <translation>The fingerprint of '{file}' must have all 64 characters 0–9, a–f.</translation>
        </message>
        <message>
            <source>Tệp '{file}' có hai dòng trong danh sách dấu vân tay.</source>
            <translation>The file '{file}' has two lines in the list of fingerprints.</translation>
        </message>
        <message>
            <source>Dấu vân tay nhập từ biên bản phải đủ 64 ký tự 0–9, a–f (đã nhập {length} ký tự).</source>
            <translation>The fingerprint typed from the minutes must have all 64 characters 0–9, a–f ({length} typed).</translation>
        </message>
        <message>
            <source>Biên bản ghi dấu vân tay {paper} nhưng tệp này chưa chốt: không phải tệp đã chốt theo biên bản.</source>
            <translation>The minutes carry the fingerprint {paper} but this file is not sealed: it is not the file the minutes sealed.</translation>
        </message>
        <message>
            <source>Dấu vân tay trên biên bản ({paper}) KHÁC dấu vân tay của tệp ({file}): tệp không phải tệp đã chốt theo biên bản.</source>
            <translation>The fingerprint on the minutes ({paper}) DIFFERS from the file's ({file}): this is not the file the minutes sealed.</translation>
        </message>
        <message>
            <source>Người chốt, thời điểm chốt hoặc lý do chốt ghi trong tệp khác với nhật ký.</source>
            <translation>Who sealed, when, or the reason for sealing as the file holds them differ from the log.</translation>
        </message>
        <message>
            <source>Thông tin máy nhập (tên, lượt, khoảng số phiếu) ghi trong tệp khác với nhật ký.</source>
            <translation>The station's details (name, pass, range of ballot numbers) in the file differ from the log.</translation>
        </message>
        <message>
            <source>Mã định danh hoặc thời điểm tạo đợt ghi trong tệp khác với nhật ký.</source>
            <translation>The round's id or the time it was made, as the file holds them, differ from the log.</translation>
        </message>
        <message>
            <source>Ghi nhận sau khi chốt '{key}' đã bị sửa, xóa bớt hoặc thêm ngoài chương trình.</source>
            <translation>The record made after the seal '{key}' was changed, removed or added outside the program.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot}: cách xử lý chênh lệch trong tệp là '{stored}', theo nhật ký là '{logged}'.</source>
            <translation>Ballot {ballot}: the difference was settled as '{stored}' in the file, as '{logged}' according to the log.</translation>
        </message>
        <message>
            <source>Phiếu số {ballot}, người thứ {candidate}: trong tệp là '{stored_name}', theo nhật ký là '{logged_name}'.</source>
            <translation>Ballot {ballot}, person no. {candidate}: '{stored_name}' in the file, '{logged_name}' according to the log.</translation>
        </message>
        <message>
            <source>Dấu vân tay của tệp ({current_short}) khác dấu vân tay khi chốt ({sealed_short}).</source>
            <translation>The file's fingerprint ({current_short}) differs from the fingerprint at sealing ({sealed_short}).</translation>
        </message>
        <message>
            <source>Kết quả năm {year} của {name} trong tệp khác với nhật ký.</source>
            <translation>The {year} result of {name} in the file differs from the log.</translation>
        </message>
        <message>
            <source>Năm {year} không trước năm của đợt này ({this_year}): chỉ ghi kết quả của các năm trước.</source>
            <translation>The year {year} is not before this round's year ({this_year}): only earlier years' results are recorded.</translation>
        </message>
        <message>
            <source>Số phiếu của năm trước phải là số nguyên không âm (đang là {value!r}).</source>
            <translation>Last year's numbers of ballots must be whole numbers, not negative (it is {value!r}).</translation>
        </message>
        <message>
            <source>Số phiếu làm cơ sở tính tỷ lệ của năm trước phải lớn hơn 0.</source>
            <translation>Last year's number of ballots the percentages are based on must be more than 0.</translation>
        </message>
        <message>
            <source>Tổng số phiếu năm trước đã ghi ({counted}) lớn hơn số phiếu làm cơ sở tính tỷ lệ ({base}).</source>
            <translation>The total of last year's ballots recorded ({counted}) is larger than the number the percentages are based on ({base}).</translation>
        </message>
        <message>
            <source>Cần ghi nguồn của số liệu nhập tay (ví dụ: Biên bản kiểm phiếu ngày 25/11/2025).</source>
            <translation>Write the source of figures typed by hand (e.g. counting minutes of 25/11/2025).</translation>
        </message>
        <message>
            <source>Đợt này không có kết quả năm {year} của mã người '{person_key}'.</source>
            <translation>This round has no {year} result for the person key '{person_key}'.</translation>
        </message>
        <message>
            <source>là bản của máy nhập '{station}', không phải tệp chính của đợt lấy phiếu</source>
            <translation>is the copy of keying station '{station}', not the voting round's main file</translation>
        </message>
        <message>
            <source>chưa chốt kết quả</source>
            <translation>the results are not sealed</translation>
        </message>
        <message>
            <source>không nguyên vẹn ({count} chỗ sai; chỗ đầu tiên: {detail})</source>
            <translation>is not intact ({count} faults; the first: {detail})</translation>
        </message>
        <message>
            <source>không đọc được: {detail}</source>
            <translation>cannot be read: {detail}</translation>
        </message>
        <message>
            <source>là bản sao của tệp '{other}' (cùng đợt lấy phiếu, cùng dấu vân tay)</source>
            <translation>is a copy of the file '{other}' (same voting round, same fingerprint)</translation>
        </message>
        <message>
            <source>cùng một đợt lấy phiếu với tệp '{other}' nhưng kết quả chốt khác nhau: không biết tệp nào đúng</source>
            <translation>is the same voting round as the file '{other}' but with different sealed results: it is unknown which file is right</translation>
        </message>
        <message>
            <source>đã được đính chính bằng tệp '{other}'</source>
            <translation>has been corrected by the file '{other}'</translation>
        </message>
        <message>
            <source>cùng đơn vị và cùng năm {year} với tệp '{other}': không biết tệp nào là đợt chính thức</source>
            <translation>has the same unit and year {year} as the file '{other}': it is unknown which is the official round</translation>
        </message>
        <message>
            <source>là đợt năm {year}, không phải năm {wanted}</source>
            <translation>is the round of {year}, not of {wanted}</translation>
        </message>
        <message>
            <source>là đợt năm {year}; báo cáo tổng hợp năm {wanted} chỉ dùng tệp năm {wanted} và năm {previous}</source>
            <translation>is the round of {year}; the summary report for {wanted} uses only files of {wanted} and {previous}</translation>
        </message>
        <message>
            <source>Không có tệp đợt lấy phiếu nào đã chốt kết quả và nguyên vẹn để tổng hợp. {reasons}</source>
            <translation>No sealed, intact round file to consolidate. {reasons}</translation>
        </message>
        <message>
            <source>Không có tệp đợt lấy phiếu năm {year} nào đã chốt kết quả và nguyên vẹn để tổng hợp.</source>
            <translation>There is no intact voting round file of {year} with sealed results to consolidate.</translation>
        </message>
        <message>
            <source>Không tìm thấy tệp đợt lấy phiếu (.tinnhiem) nào trong: {paths}.</source>
            <translation>No voting round file (.tinnhiem) was found in: {paths}.</translation>
        </message>
        <message>
            <source>Cần ghi họ và tên người chốt kết quả.</source>
            <translation>Write the full name of the person sealing the results.</translation>
        </message>
        <message>
            <source>Chưa thể chốt kết quả: còn {count} vấn đề về số liệu (xem ở trên). Muốn chốt vẫn phải ghi rõ lý do; lý do được lưu, ghi nhật ký và in trong biên bản.</source>
            <translation>The results cannot be sealed yet: {count} problems with the counts remain (see above). To seal all the same, write the reason clearly; it is stored, logged and printed in the minutes.</translation>
        </message>
        <message>
            <source>Cần ghi lý do lập tệp đính chính.</source>
            <translation>Write the reason for making a correction file.</translation>
        </message>
        <message>
            <source>Tệp '{file}' chưa chốt kết quả: cứ sửa trực tiếp trong tệp đó, không cần tệp đính chính.</source>
            <translation>The results in '{file}' are not sealed: change that file directly, no correction file is needed.</translation>
        </message>
        <message>
            <source>Sự kiện số {seq} được ghi sau khi đã chốt kết quả (sự kiện chốt số {sealed}).</source>
            <translation>Event {seq} was recorded after the results were sealed (the seal is event {sealed}).</translation>
        </message>
        <message>
            <source>Đợt lấy phiếu chưa chốt kết quả: các tài liệu sẽ ghi "chưa chốt".</source>
            <translation>The results of the voting round are not sealed: the documents will say "chưa chốt" (not sealed).</translation>
        </message>
        <message>
            <source>Ngày của báo cáo ({date}) trước ngày chốt kết quả ({sealed}) mà báo cáo in ra: hãy chọn ngày từ {sealed} trở đi. Chưa ghi tệp nào.</source>
            <translation>The report's date ({date}) is before the sealing of the results it prints ({sealed}): choose a date from {sealed} on. No file was written.</translation>
        </message>
        <message>
            <source>Chưa chọn tài liệu nào để xuất.</source>
            <translation>No document has been chosen for export.</translation>
        </message>
        <message>
            <source>Chưa có ngày họp: chưa tính được hạn nộp bản tự nhận xét, đánh giá.</source>
            <translation>There is no meeting date yet: the deadline for the self-assessments cannot be worked out.</translation>
        </message>
        <message>
            <source>Chưa nhận bản tự nhận xét, đánh giá của đồng chí {name} (hạn nộp {deadline_date} đã qua).</source>
            <translation>The self-assessment of {name} has not been received (the deadline {deadline_date} has passed).</translation>
        </message>
        <message>
            <source>Chưa nhận bản tự nhận xét, đánh giá của đồng chí {name} (hạn nộp {deadline_date}).</source>
            <translation>The self-assessment of {name} has not been received (deadline {deadline_date}).</translation>
        </message>
        <message>
            <source>Bản tự nhận xét, đánh giá của đồng chí {name} nhận ngày {received_date}, sau hạn nộp {deadline_date}.</source>
            <translation>The self-assessment of {name} was received on {received_date}, after the deadline {deadline_date}.</translation>
        </message>
        <message>
            <source>Chưa có danh sách {team} đề xuất (Tệp → Sửa thông tin đợt → {team}).</source>
            <translation>There is no proposed {team} yet (File → Edit round information → {team}).</translation>
        </message>
        <message>
            <source>{team} chưa có {head}: hãy ghi vai trò "{head}" cho một thành viên.</source>
            <translation>The {team} has no {head}: give one member the role "{head}".</translation>
        </message>
        <message>
            <source>{name} có tên hai lần trong danh sách (trùng họ tên và năm sinh).</source>
            <translation>{name} is listed twice (same full name and year of birth).</translation>
        </message>
        <message>
            <source>Đồng chí {name} vừa ở {team} vừa là người được lấy phiếu: thành viên {team} không được là người được lấy phiếu.</source>
            <translation>{name} is both on the {team} and rated: a member of the {team} must not be rated.</translation>
        </message>
        <message>
            <source>Chưa in phiếu trắng (Xuất tài liệu → Phiếu lấy phiếu tín nhiệm).</source>
            <translation>The blank ballots have not been printed (Export documents → Confidence-vote ballot papers).</translation>
        </message>
        <message>
            <source>Chưa điểm danh: chưa ghi số người có mặt tại hội nghị.</source>
            <translation>No roll call yet: the number of people present at the meeting is not recorded.</translation>
        </message>
        <message>
            <source>Chưa ghi kết quả hội nghị biểu quyết thông qua {team}.</source>
            <translation>The meeting's vote approving the {team} is not recorded.</translation>
        </message>
        <message>
            <source>{team} chưa được hội nghị thông qua: {in_favour} ý kiến đồng ý, {against} ý kiến không đồng ý.</source>
            <translation>The meeting has not approved the {team}: {in_favour} in favour, {against} against.</translation>
        </message>
        <message>
            <source>Số ý kiến biểu quyết {team} ({votes}) nhiều hơn số người có mặt ({present}).</source>
            <translation>The votes on the {team} ({votes}) outnumber the people present ({present}).</translation>
        </message>
        <message>
            <source>Chưa ghi số phiếu phát ra.</source>
            <translation>The number of ballots issued is not recorded.</translation>
        </message>
        <message>
            <source>Chưa ghi số phiếu thu về.</source>
            <translation>The number of ballots collected is not recorded.</translation>
        </message>
        <message>
            <source>Chưa mở nhập phiếu (kiểm phiếu).</source>
            <translation>Keying (counting) has not been opened.</translation>
        </message>
        <message>
            <source>Chưa chốt kết quả.</source>
            <translation>The results are not sealed.</translation>
        </message>
        <message>
            <source>Chưa ghi nhận việc công bố kết quả trước hội nghị.</source>
            <translation>The announcement of the results to the meeting is not recorded.</translation>
        </message>
        <message>
            <source>Chưa ghi nhận việc bàn giao biên bản kiểm phiếu và phiếu đã kiểm cho Thủ trưởng cơ quan.</source>
            <translation>The hand-over of the counting minutes and the counted ballots to the head of the agency is not recorded.</translation>
        </message>
        <message>
            <source>Chưa lập báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ.</source>
            <translation>The results report to the personnel advisory body has not been made.</translation>
        </message>
        <message>
            <source>Chưa lập báo cáo riêng về cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý.</source>
            <translation>The separate report on officials managed by the Provincial Party Standing Committee has not been made.</translation>
        </message>
        <message>
            <source>Việc này chỉ ghi nhận sau khi đã chốt kết quả; đợt lấy phiếu trong '{file}' chưa chốt.</source>
            <translation>This is recorded only after the results are sealed; the voting round in '{file}' is not sealed.</translation>
        </message>
        <message>
            <source>Ngày '{value}' không hợp lệ (cần dạng năm-tháng-ngày, ví dụ 2026-11-24).</source>
            <translation>The date '{value}' is not valid (year-month-day is needed, e.g. 2026-11-24).</translation>
        </message>
        <message>
            <source>Thời điểm '{value}' không hợp lệ (cần dạng 2026-11-27T11:30).</source>
            <translation>The time '{value}' is not valid (the form 2026-11-27T11:30 is needed).</translation>
        </message>
        <message>
            <source>Số ý kiến {what} phải là số nguyên không âm (đang là {value!r}).</source>
            <translation>The number of votes {what} must be a whole number, not negative (it is {value!r}).</translation>
        </message>
        <message>
            <source>Cần ghi họ và tên người giao và người nhận.</source>
            <translation>Write the full names of the person handing over and the person receiving.</translation>
        </message>
        <message>
            <source>Đợt này không có người nào được đánh dấu thuộc diện Ban Thường vụ Tỉnh ủy quản lý: không có gì để báo cáo riêng.</source>
            <translation>Nobody in this round is marked as managed by the Provincial Party Standing Committee: there is nothing to report separately.</translation>
        </message>
        <message>
            <source>Ghi nhận '{key}' của quy trình trong tệp khác với nhật ký.</source>
            <translation>The procedure record '{key}' in the file differs from the log.</translation>
        </message>
        <message>
            <source>Ghi nhận '{key}' (sau khi chốt) không thuộc kết quả đã chốt của tệp này.</source>
            <translation>The record '{key}' (made after sealing) does not belong to this file's sealed results.</translation>
        </message>
        <message>
            <source>Cần đúng {size} ký tự (mỗi người một ký tự), đã gõ {typed}.</source>
            <translation>Exactly {size} characters are needed (one per person); {typed} were typed.</translation>
        </message>
        <message>
            <source>Ký tự '{cell}' ở vị trí {order} không phải 1, 2, 3, 0 hoặc x.</source>
            <translation>The character '{cell}' at position {order} is not 1, 2, 3, 0 or x.</translation>
        </message>
        <message>
            <source>Cần ghi lý do sau 'khl:'.</source>
            <translation>Write the reason after 'khl:'.</translation>
        </message>
        <message>
            <source>Tham số không đúng: {detail}</source>
            <translation>Wrong arguments: {detail}</translation>
        </message>
        <message>
            <source>Không có tệp hoặc thư mục ảnh quét '{file}'.</source>
            <translation>There is no scan file or folder of images '{file}'.</translation>
        </message>
        <message>
            <source>Không mở được tệp quét '{file}' như một tệp PDF ({detail}): hãy quét lại hoặc lưu lại từ máy quét.</source>
            <translation>The scan '{file}' does not open as a PDF ({detail}): scan it again or save it again from the scanner.</translation>
        </message>
        <message>
            <source>Tệp '{file}' tạo từ phiên bản cũ, không có mã đợt: phiếu của đợt này không in được mã để máy đọc.</source>
            <translation>The file '{file}' was made by an older version and has no round id: this round's ballots cannot carry a code for the scanner.</translation>
        </message>
        <message>
            <source>Ô của người số {candidate} trên phiếu số {ballot} (loại phiếu '{form}', lượt {entry_pass}) không phải ô đang chờ xác nhận.</source>
            <translation>The cell of person {candidate} on ballot {ballot} (form '{form}', pass {entry_pass}) is not a cell waiting to be confirmed.</translation>
        </message>
        <message>
            <source>Cần dạng SỐ_THỨ_TỰ=GIÁ_TRỊ, với giá trị 1, 2, 3, 0 hoặc x (đang là '{value}').</source>
            <translation>Expected ORDER=VALUE, the value 1, 2, 3, 0 or x (got '{value}').</translation>
        </message>
        <message>
            <source>Lỗi không mong đợi: {detail}</source>
            <translation>Unexpected error: {detail}</translation>
        </message>
        <message>
            <source>Tệp '{file}'</source>
            <translation>File '{file}'</translation>
        </message>
        <message>
            <source>dòng {line}</source>
            <translation>line {line}</translation>
        </message>
        <message>
            <source>cột {column}</source>
            <translation>column {column}</translation>
        </message>
        <message>
            <source>mục {path}</source>
            <translation>item {path}</translation>
        </message>
        <message>
            <source>Loại phiếu '{form}'</source>
            <translation>Ballot form '{form}'</translation>
        </message>
        <message>
            <source>Loại phiếu '{form}' ({title})</source>
            <translation>Ballot form '{form}' ({title})</translation>
        </message>
        <message>
            <source>{status} (lý do: {reason})</source>
            <translation>{status} (reason: {reason})</translation>
        </message>
        <message>
            <source>chưa xác định</source>
            <translation>not set</translation>
        </message>
        <message>
            <source>ổ đĩa đã đầy</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <source>đã hết dung lượng được phép dùng trên ổ đĩa</source>
            <translation>the disk quota is used up</translation>
        </message>
        <message>
            <source>không có quyền truy cập</source>
            <translation>access is not permitted</translation>
        </message>
        <message>
            <source>không được phép thực hiện</source>
            <translation>the operation is not permitted</translation>
        </message>
        <message>
            <source>ổ đĩa hoặc thư mục chỉ cho đọc</source>
            <translation>the disk or folder is read-only</translation>
        </message>
        <message>
            <source>không có tệp hoặc thư mục này</source>
            <translation>no such file or folder</translation>
        </message>
        <message>
            <source>một phần của đường dẫn không phải thư mục</source>
            <translation>part of the path is not a folder</translation>
        </message>
        <message>
            <source>đây là một thư mục, không phải tệp</source>
            <translation>this is a folder, not a file</translation>
        </message>
        <message>
            <source>đã có tệp hoặc thư mục cùng tên</source>
            <translation>a file or folder of that name already exists</translation>
        </message>
        <message>
            <source>tệp đang được chương trình khác dùng</source>
            <translation>the file is in use by another program</translation>
        </message>
        <message>
            <source>tên tệp hoặc đường dẫn quá dài</source>
            <translation>the file name or path is too long</translation>
        </message>
        <message>
            <source>tên tệp hoặc đường dẫn không hợp lệ</source>
            <translation>the file name or path is not valid</translation>
        </message>
        <message>
            <source>lỗi đọc ghi của ổ đĩa</source>
            <translation>the disk failed to read or write</translation>
        </message>
        <message>
            <source>không thấy ổ đĩa</source>
            <translation>the disk is not there</translation>
        </message>
        <message>
            <source>không chuyển được tệp sang ổ đĩa khác</source>
            <translation>the file cannot be moved to another disk</translation>
        </message>
        <message>
            <source>ổ đĩa mạng không trả lời</source>
            <translation>the network drive does not answer</translation>
        </message>
        <message>
            <source>máy chứa ổ đĩa mạng không trả lời</source>
            <translation>the computer holding the network drive does not answer</translation>
        </message>
        <message>
            <source>đang mở quá nhiều tệp cùng lúc</source>
            <translation>too many files are open at once</translation>
        </message>
        <message>
            <source>không mở được tệp</source>
            <translation>the file cannot be opened</translation>
        </message>
        <message>
            <source>tệp bị hỏng</source>
            <translation>the file is damaged</translation>
        </message>
        <message>
            <source>không phải tệp đợt lấy phiếu</source>
            <translation>it is not a round file</translation>
        </message>
        <message>
            <source>số người được triệu tập</source>
            <translation>number of people summoned</translation>
        </message>
        <message>
            <source>số người có mặt</source>
            <translation>number of people present</translation>
        </message>
        <message>
            <source>số phiếu phát ra</source>
            <translation>number of ballots issued</translation>
        </message>
        <message>
            <source>số phiếu thu về</source>
            <translation>number of ballots collected</translation>
        </message>
        <message>
            <source>số phiếu đã nhập</source>
            <translation>number of ballots keyed</translation>
        </message>
        <message>
            <source>tín nhiệm cao</source>
            <translation>high confidence</translation>
        </message>
        <message>
            <source>tín nhiệm</source>
            <translation>confidence</translation>
        </message>
        <message>
            <source>tín nhiệm thấp</source>
            <translation>low confidence</translation>
        </message>
        <message>
            <source>không đánh dấu</source>
            <translation>no mark</translation>
        </message>
        <message>
            <source>đánh dấu nhiều ô</source>
            <translation>more than one box marked</translation>
        </message>
        <message>
            <source>(chưa nhập)</source>
            <translation>(not keyed)</translation>
        </message>
        <message>
            <source>hợp lệ</source>
            <translation>valid</translation>
        </message>
        <message>
            <source>không hợp lệ</source>
            <translation>invalid</translation>
        </message>
        <message>
            <source>tổng số người được triệu tập</source>
            <translation>total number of people summoned</translation>
        </message>
        <message>
            <source>tổng số người có mặt</source>
            <translation>total number of people present</translation>
        </message>
        <message>
            <source>tổng số phiếu phát ra</source>
            <translation>total number of ballots issued</translation>
        </message>
        <message>
            <source>tổng số phiếu thu về</source>
            <translation>total number of ballots collected</translation>
        </message>
        <message>
            <source>tổng số phiếu hợp lệ</source>
            <translation>total number of valid ballots</translation>
        </message>
        <message>
            <source>số phiếu hợp lệ đối với từng người</source>
            <translation>number of valid ballots for each person</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp trên 1/2</source>
            <translation>Low confidence above 1/2</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp từ 2/3 trở lên</source>
            <translation>Low confidence 2/3 or more</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp trên 2/3</source>
            <translation>Low confidence above 2/3</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp từ 80% trở lên</source>
            <translation>Low confidence 80% or more</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp từ 70% trở lên hai năm liên tiếp</source>
            <translation>Low confidence 70% or more two years running</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp trên 1/2 hai năm liên tiếp</source>
            <translation>Low confidence above 1/2 two years running</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp trên {share}</source>
            <translation>Low confidence above {share}</translation>
        </message>
        <message>
            <source>Tín nhiệm thấp từ {share} trở lên</source>
            <translation>Low confidence {share} or more</translation>
        </message>
        <message>
            <source>{band} và dưới {share}</source>
            <translation>{band} and below {share}</translation>
        </message>
        <message>
            <source>{band} và không quá {share}</source>
            <translation>{band} and at most {share}</translation>
        </message>
        <message>
            <source>{band} hai năm liên tiếp</source>
            <translation>{band} two years running</translation>
        </message>
        <message>
            <source>Hướng dẫn lấy phiếu tín nhiệm hằng năm (ngành GTVT, 2013)</source>
            <translation>Annual confidence vote guideline (transport sector, 2013)</translation>
        </message>
        <message>
            <source>Hướng dẫn hằng năm của ngành Giao thông vận tải (2013)</source>
            <translation>Annual guideline of the transport sector (2013)</translation>
        </message>
        <message>
            <source>Quy định 262-QĐ/TW (2014)</source>
            <translation>Regulation 262-QĐ/TW (2014)</translation>
        </message>
        <message>
            <source>Bộ Chính trị, Quy định số 262-QĐ/TW ngày 08/10/2014</source>
            <translation>Politburo, Regulation No. 262-QĐ/TW of 08/10/2014</translation>
        </message>
        <message>
            <source>Quy định 96-QĐ/TW (2023)</source>
            <translation>Regulation 96-QĐ/TW (2023)</translation>
        </message>
        <message>
            <source>Bộ Chính trị, Quy định số 96-QĐ/TW ngày 02/02/2023</source>
            <translation>Politburo, Regulation No. 96-QĐ/TW of 02/02/2023</translation>
        </message>
        <message>
            <source>Nghị quyết 35/2012/QH13</source>
            <translation>Resolution 35/2012/QH13</translation>
        </message>
        <message>
            <source>Quốc hội, Nghị quyết số 35/2012/QH13 ngày 21/11/2012</source>
            <translation>National Assembly, Resolution No. 35/2012/QH13 of 21/11/2012</translation>
        </message>
        <message>
            <source>Nghị quyết 85/2014/QH13</source>
            <translation>Resolution 85/2014/QH13</translation>
        </message>
        <message>
            <source>Quốc hội, Nghị quyết số 85/2014/QH13 ngày 28/11/2014</source>
            <translation>National Assembly, Resolution No. 85/2014/QH13 of 28/11/2014</translation>
        </message>
        <message>
            <source>Nghị quyết 96/2023/QH15</source>
            <translation>Resolution 96/2023/QH15</translation>
        </message>
        <message>
            <source>Quốc hội, Nghị quyết số 96/2023/QH15 ngày 23/06/2023</source>
            <translation>National Assembly, Resolution No. 96/2023/QH15 of 23/06/2023</translation>
        </message>
        <message>
            <source>Tổ kiểm phiếu</source>
            <translation>counting team</translation>
        </message>
        <message>
            <source>Tổ trưởng</source>
            <translation>team leader</translation>
        </message>
        <message>
            <source>Ban kiểm phiếu</source>
            <translation>counting board</translation>
        </message>
        <message>
            <source>Trưởng ban</source>
            <translation>board chair</translation>
        </message>
        <message>
            <source>Biên bản kiểm phiếu</source>
            <translation>Counting minutes</translation>
        </message>
        <message>
            <source>Biên bản kiểm phiếu (bản Word để chỉnh sửa)</source>
            <translation>Counting minutes (Word copy to edit)</translation>
        </message>
        <message>
            <source>Thông báo kết quả cho từng người</source>
            <translation>Result notice to each person</translation>
        </message>
        <message>
            <source>Báo cáo kết quả tổng hợp</source>
            <translation>Summary report of the results</translation>
        </message>
        <message>
            <source>Phiếu lấy phiếu tín nhiệm (phiếu trắng)</source>
            <translation>Confidence-vote ballot papers (blank)</translation>
        </message>
        <message>
            <source>Nhật ký nhập phiếu</source>
            <translation>Ballot entry log</translation>
        </message>
        <message>
            <source>Dữ liệu phiếu (CSV)</source>
            <translation>Ballot data (CSV)</translation>
        </message>
        <message>
            <source>{name} (điều chỉnh so với quy tắc gốc)</source>
            <translation>{name} (adjusted from the original rule)</translation>
        </message>
        <message>
            <source>tỷ lệ tính trên {value} (quy tắc gốc: {original})</source>
            <translation>percentages of the {value} (original rule: {original})</translation>
        </message>
        <message>
            <source>làm tròn đến {value} chữ số thập phân (quy tắc gốc: {original})</source>
            <translation>rounded to {value} decimal places (original rule: {original})</translation>
        </message>
        <message>
            <source>ngưỡng {value} (quy tắc gốc: {original})</source>
            <translation>threshold {value} (original rule: {original})</translation>
        </message>
        <message>
            <source>số người có mặt tối thiểu: {value} (quy tắc gốc: {original})</source>
            <translation>minimum attendance: {value} (original rule: {original})</translation>
        </message>
        <message>
            <source>tên gọi bộ phận kiểm phiếu: {value} (quy tắc gốc: {original})</source>
            <translation>name of the counting body: {value} (original rule: {original})</translation>
        </message>
        <message>
            <source>{share} số người được triệu tập</source>
            <translation>{share} of the people summoned</translation>
        </message>
        <message>
            <source>không quy định</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Điều chỉnh so với quy tắc gốc: {changes}.</source>
            <translation>Adjusted from the original rule: {changes}.</translation>
        </message>
        <message>
            <source>{hour:02d} giờ {minute:02d}, ngày {day:%d/%m/%Y}</source>
            <translation>{hour:02d}:{minute:02d} on {day:%d/%m/%Y}</translation>
        </message>
        <message>
            <source>Chuẩn bị (bước 1)</source>
            <translation>Preparation (step 1)</translation>
        </message>
        <message>
            <source>Tại hội nghị (bước 2–4)</source>
            <translation>At the meeting (steps 2–4)</translation>
        </message>
        <message>
            <source>Chốt, công bố và bàn giao kết quả</source>
            <translation>Sealing, presenting and handing over the results</translation>
        </message>
        <message>
            <source>Báo cáo cấp trên (bước 5)</source>
            <translation>Reports upward (step 5)</translation>
        </message>
        <message>
            <source>Nhận đủ bản tự nhận xét, đánh giá của người được lấy phiếu</source>
            <translation>Every self-assessment received from the people rated</translation>
        </message>
        <message>
            <source>Đề xuất {team} (có {head})</source>
            <translation>The {team} proposed (with its {head})</translation>
        </message>
        <message>
            <source>In phiếu trắng</source>
            <translation>Blank ballots printed</translation>
        </message>
        <message>
            <source>Điểm danh: số người có mặt</source>
            <translation>Attendance: people present</translation>
        </message>
        <message>
            <source>Hội nghị biểu quyết thông qua {team}</source>
            <translation>The meeting approves the {team}</translation>
        </message>
        <message>
            <source>Phát phiếu</source>
            <translation>Ballots issued</translation>
        </message>
        <message>
            <source>Thu phiếu</source>
            <translation>Ballots collected</translation>
        </message>
        <message>
            <source>Mở nhập phiếu (kiểm phiếu)</source>
            <translation>Counting opened</translation>
        </message>
        <message>
            <source>Chốt kết quả</source>
            <translation>Results sealed</translation>
        </message>
        <message>
            <source>Công bố kết quả trước hội nghị</source>
            <translation>Results presented to the meeting</translation>
        </message>
        <message>
            <source>Bàn giao biên bản và phiếu đã kiểm cho Thủ trưởng cơ quan</source>
            <translation>Minutes and counted ballots handed to the head of the body</translation>
        </message>
        <message>
            <source>Báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ</source>
            <translation>Results report to the personnel office</translation>
        </message>
        <message>
            <source>Báo cáo riêng cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý</source>
            <translation>Separate report on the people managed by the provincial Party standing committee</translation>
        </message>
        <message>
            <source>đã nhận, đúng hạn</source>
            <translation>received, on time</translation>
        </message>
        <message>
            <source>đã nhận, sau hạn</source>
            <translation>received, late</translation>
        </message>
        <message>
            <source>chưa nhận (còn hạn)</source>
            <translation>not received (not yet due)</translation>
        </message>
        <message>
            <source>chưa nhận — quá hạn</source>
            <translation>not received — overdue</translation>
        </message>
        <message>
            <source>thứ Hai</source>
            <translation>Monday</translation>
        </message>
        <message>
            <source>thứ Ba</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <source>thứ Tư</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <source>thứ Năm</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <source>thứ Sáu</source>
            <translation>Friday</translation>
        </message>
        <message>
            <source>thứ Bảy</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <source>Chủ nhật</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <source>Hạn nộp bản tự nhận xét, đánh giá: {day} (chậm nhất {days} ngày trước ngày hội nghị, tính theo ngày lịch).</source>
            <translation>Self-assessments due: {day} (at the latest {days} calendar days before the meeting day).</translation>
        </message>
        <message>
            <source>Hạn nộp bản tự nhận xét, đánh giá: chưa xác định (chưa có ngày họp; chậm nhất {days} ngày trước ngày hội nghị, tính theo ngày lịch).</source>
            <translation>Self-assessments due: not known yet (no meeting date; at the latest {days} calendar days before the meeting day).</translation>
        </message>
    </context>
</TS>
