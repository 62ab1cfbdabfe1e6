"""The texts of the corpus: real, published Vietnamese administrative documents (excerpts),
each as the parts an office types: the header's two columns, the tên loại and trích yếu,
Kính gửi, the body, Nơi nhận and the signer.

Where each text comes from, and what was left out or stood in for, is in SOURCES.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """One document as typed: its lines, part by part. ``body`` lines are marked "#" for a
    bold heading, "-" for a list item, "~" for a line hard-wrapped from the one before."""

    key: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    title: tuple[str, ...] = ()
    vv: tuple[str, ...] = ()
    kinh_gui: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    noi_nhan: tuple[str, ...] = ()
    signer: tuple[str, ...] = ()
    name: str = ""
    left_signer: tuple[str, ...] = field(default=())
    left_name: str = ""


QH, TN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"

TEXTS = (
    Text(
        key="cong-van-pgd-thanh-chuong",
        left=("UBND HUYỆN THANH CHƯƠNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
              "Số: 278/PGD&ĐT-THCS"),
        right=(QH, TN, "Thanh Chương, ngày 09 tháng 9 năm 2014"),
        vv=("V/v Hướng dẫn thực hiện nhiệm vụ", "giáo dục trung học năm học 2014-2015"),
        kinh_gui=("Hiệu trưởng các trường Trung học cơ sở",),
        body=(
            "Căn cứ Công văn số 1635/SGDĐT-GDTrH ngày 27/8/2014 của Sở Giáo dục và Đào tạo "
            "Nghệ An về hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học 2014-2015, "
            "Phòng Giáo dục và Đào tạo Thanh Chương hướng dẫn thực hiện nhiệm vụ giáo dục "
            "trung học năm học 2014-2015 như sau:",
            "#1. Nhiệm vụ trọng tâm",
            "Triển khai thực hiện 5 nhiệm vụ trọng tâm của giáo dục trung học theo Công văn "
            "số 4099/BGDĐT-GDTrH ngày 05/8/2014 của Bộ Giáo dục và Đào tạo về hướng dẫn thực "
            "hiện nhiệm vụ giáo dục trung học năm học 2014-2015.",
            "#2. Các nhiệm vụ cụ thể",
            "- Thực hiện kế hoạch giáo dục theo khung thời gian năm học của Ủy ban nhân dân "
            "tỉnh;",
            "- Thực hiện kế hoạch thời gian theo Quyết định của Ủy ban nhân dân tỉnh Nghệ An "
            "về kế hoạch thời gian năm học 2014-2015.",
            "Nhận được công văn này, đề nghị Hiệu trưởng các trường Trung học cơ sở triển "
            "khai thực hiện nghiêm túc./.",
        ),
        noi_nhan=("- Như trên;", "- Lãnh đạo Phòng;", "- Lưu: VT, THCS."),
        signer=("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
        name="Nguyễn Văn Hùng",
    ),
    Text(
        key="bao-cao-thcs-mong-an",
        left=("PHÒNG GD&ĐT BẢO LÂM", "TRƯỜNG THCS MÔNG ÂN", "Số: 15/BC-THCSMA"),
        right=(QH, TN, "Mông Ân, ngày 20 tháng 5 năm 2022"),
        title=("BÁO CÁO", "Kết quả thực hiện công tác xây dựng trường, lớp xanh, sạch, đẹp,",
               "an toàn năm học 2021-2022"),
        body=(
            "#I. ĐẶC ĐIỂM TÌNH HÌNH",
            "#1. Thuận lợi:",
            "- Nhà trường có đội ngũ thầy cô giáo có trình độ đạt chuẩn và trên chuẩn,",
            "~có năng lực chuyên môn vững vàng, có tinh thần trách nhiệm cao.",
            "- Học sinh đã có ý thức trong việc giữ gìn vệ sinh lớp học, sân trường, vệ",
            "~sinh cá nhân.",
            "- Đảng uỷ, HĐND, UBND xã thường xuyên quan tâm, chăm lo cho sự",
            "~nghiệp giáo dục.",
            "- Nhà trường luôn nhận được sự tin tưởng các bậc cha mẹ học sinh.",
            "#2. Khó khăn:",
            "- Diện tích khuôn viên nhà trường còn hẹp chưa đáp ứng được trong việc",
            "~bố trí quy hoạch các khu vực để xây dựng khuôn viên đa dạng.",
            "- Trang thiết bị, đồ dùng dạy học được cấp phát một số đã hư hỏng, sử",
            "~dụng kém hiệu quả.",
            "#II. KẾT QUẢ THỰC HIỆN",
            "Phong trào “Xanh, sạch, đẹp, an toàn” đã được tổ chuyên môn, công đoàn, Đoàn "
            "thanh niên, Công tác Đội nhiệt tình hưởng ứng thực hiện.",
            "Trên đây là báo cáo kết quả thực hiện công tác xây dựng trường, lớp xanh, sạch, "
            "đẹp, an toàn năm học 2021-2022 của Trường THCS Mông Ân./.",
        ),
        noi_nhan=("- Phòng GD&ĐT Bảo Lâm;", "- Lưu: VT."),
        signer=("HIỆU TRƯỞNG",),
        name="Hoàng Văn Thắng",
    ),
    Text(
        key="quyet-dinh-bgddt-thtt-hstc",
        left=("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1741/QĐ-BGDĐT"),
        right=(QH, TN, "Hà Nội, ngày 05 tháng 3 năm 2009"),
        title=("QUYẾT ĐỊNH", "Về việc thành lập Ban Chỉ đạo phong trào thi đua",
               "“Xây dựng trường học thân thiện, học sinh tích cực”",
               "trong các cơ sở giáo dục phổ thông giai đoạn 2008-2013"),
        body=(
            "#BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO",
            "Căn cứ Nghị định số 178/2007/NĐ-CP ngày 03 tháng 12 năm 2007 của Chính phủ quy "
            "định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ, cơ quan ngang Bộ;",
            "Căn cứ Nghị định số 32/2008/NĐ-CP ngày 19 tháng 3 năm 2008 của Chính phủ quy "
            "định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Giáo dục và Đào "
            "tạo;",
            "Xét đề nghị của Vụ trưởng Vụ Tổ chức cán bộ, Vụ trưởng Vụ Công tác học sinh, "
            "sinh viên,",
            "#QUYẾT ĐỊNH:",
            "Điều 1. Thành lập Ban Chỉ đạo phong trào thi đua \"Xây dựng trường học thân "
            "thiện, học sinh tích cực\" trong các cơ sở giáo dục phổ thông giai đoạn "
            "2008-2013. Ban Chỉ đạo có nhiệm vụ giúp Bộ trưởng chỉ đạo triển khai phong trào "
            "thi đua trong toàn ngành.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng, Vụ trưởng Vụ Tổ chức cán bộ, Vụ trưởng Vụ Công tác học "
            "sinh, sinh viên, Thủ trưởng các đơn vị có liên quan thuộc Bộ Giáo dục và Đào tạo "
            "và các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này./.",
        ),
        noi_nhan=("- Như Điều 3;", "- Các Thứ trưởng;", "- Lưu: VT, Vụ TCCB."),
        signer=("BỘ TRƯỞNG",),
        name="Nguyễn Thiện Nhân",
    ),
    Text(
        key="ke-hoach-mn-cam-linh",
        left=("PHÒNG GD&ĐT BA VÌ", "TRƯỜNG MẦM NON CẨM LĨNH A", "Số: 45/KH-MNCLA"),
        right=(QH, TN, "Cẩm Lĩnh, ngày 15 tháng 9 năm 2021"),
        title=("KẾ HOẠCH", "Thực hiện nhiệm vụ năm học 2021-2022"),
        body=(
            "#I. MỤC ĐÍCH YÊU CẦU",
            "- Tạo sự thống nhất trong việc chỉ đạo, thực hiện nhiệm vụ năm học theo hướng "
            "dẫn nhiệm vụ năm học của Phòng GD&ĐT Ba Vì;",
            "- Xây dựng Kế hoạch nhằm xác định rõ các chỉ tiêu, các nhiệm vụ và có các giải "
            "pháp cụ thể nhằm thực hiện thắng lợi nhiệm vụ năm học;",
            "- Kế hoạch đã được bám vào tình hình thực tế của địa phương và các kết quả đạt "
            "được, chưa đạt được của nhà trường năm học trước, để xây dựng một cách chi tiết, "
            "có tính khả thi;",
            "- Giúp cho các bộ phận, các tổ chức đoàn thể, chuyên môn của nhà trường có căn "
            "cứ để xây dựng Kế hoạch thực hiện nhiệm vụ được phân công, nhằm tạo sự đồng bộ "
            "trong việc chỉ đạo và thực hiện tốt nhiệm vụ năm học.",
            "#II. TỔ CHỨC THỰC HIỆN",
            "Các bộ phận, các tổ chức đoàn thể, chuyên môn của nhà trường căn cứ Kế hoạch "
            "này xây dựng kế hoạch thực hiện nhiệm vụ được phân công.",
        ),
        noi_nhan=("- Phòng GD&ĐT Ba Vì;", "- Các tổ chuyên môn;", "- Lưu: VT."),
        signer=("HIỆU TRƯỞNG",),
        name="Nguyễn Thị Hằng",
    ),
    Text(
        key="bien-ban-thpt-bac-yen",
        left=("SỞ GD&ĐT SƠN LA", "TRƯỜNG THPT BẮC YÊN", "Số: 05/BB-THPTBY"),
        right=(QH, TN),
        title=("BIÊN BẢN", "Họp Hội đồng Thi đua - Khen thưởng bình xét thi đua",
               "cuối năm học 2017-2018"),
        body=(
            "Thời gian bắt đầu: 15 giờ 00, ngày 24 tháng 5 năm 2018.",
            "Địa điểm: Phòng họp Hội đồng, Trường THPT Bắc Yên.",
            "Thành phần tham dự: Các thành viên Hội đồng Thi đua - Khen thưởng nhà trường.",
            "Chủ trì: Phan Văn Tuấn, Bí thư đảng bộ - Hiệu trưởng nhà trường - Chủ tịch Hội "
            "đồng Thi đua - Khen thưởng.",
            "Thư ký (người ghi biên bản): Lò Thị Hoa, Thư ký Hội đồng.",
            "Nội dung cuộc họp:",
            "Đồng chí Chủ tịch Hội đồng triển khai nội dung làm việc, nêu một số yêu cầu: "
            "Công tác thi đua khen thưởng cần tạo được sự công bằng, tích cực, khuyến khích "
            "được những cống hiến của cán bộ viên chức nhà trường trong năm học.",
            "Rất nhiều tiêu chí bình xét thi đua đã được Hội đồng xem xét, áp dụng để tìm "
            "được những đồng chí xứng đáng nhất và sẽ tuyên dương khen thưởng trong buổi lễ "
            "tổng kết năm học 2017-2018.",
            "Cuộc họp kết thúc vào 17 giờ 30, ngày 24 tháng 5 năm 2018./.",
        ),
        noi_nhan=("- Các thành viên Hội đồng;", "- Lưu: VT."),
        left_signer=("THƯ KÝ",),
        left_name="Lò Thị Hoa",
        signer=("CHỦ TRÌ",),
        name="Phan Văn Tuấn",
    ),
    Text(
        key="cong-van-ubnd-dong-thap",
        left=("ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "VĂN PHÒNG", "Số: 1257/VPUBND-THVX"),
        right=(QH, TN, "Đồng Tháp, ngày 15 tháng 9 năm 2020"),
        vv=("V/v ban hành Điều lệ Trường tiểu học",),
        kinh_gui=("Sở Giáo dục và Đào tạo",),
        body=(
            "Tiếp nhận Thông tư số 28/2020/TT-BGDĐT ngày 04 tháng 9 năm 2020 của Bộ trưởng "
            "Bộ Giáo dục và Đào tạo về việc ban hành Điều lệ Trường tiểu học (văn bản gửi "
            "kèm), Phó Chủ tịch Ủy ban nhân dân Tỉnh Đoàn Tấn Bửu có ý kiến như sau:",
            "Giao Sở Giáo dục và Đào tạo triển khai thực hiện.",
            "Văn phòng Ủy ban nhân dân Tỉnh truyền đạt ý kiến trên đến đơn vị biết, thực "
            "hiện./.",
        ),
        noi_nhan=("- Như trên;", "- CT, PCT/UBND Tỉnh;", "- Lưu: VT, THVX."),
        signer=("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
        name="Trần Văn Minh",
    ),
    Text(
        key="to-trinh-th-dong-kho",
        left=("PHÒNG GD&ĐT TÁNH LINH", "TRƯỜNG TH ĐỒNG KHO 1", "Số: 14/TTr-ĐK1"),
        right=(QH, TN, "Đồng Kho, ngày 10 tháng 10 năm 2010"),
        title=("TỜ TRÌNH", "Về việc công nhận trường đạt danh hiệu",
               "Trường học thân thiện – Học sinh tích cực"),
        kinh_gui=("Lãnh đạo phòng Giáo dục và Đào tạo huyện Tánh Linh",),
        body=(
            "Căn cứ Quyết định số 1741/BGD&ĐT-GDTrH ngày 05/3/2009 của Bộ GD&ĐT về việc hướng "
            "dẫn đánh giá kết quả phong trào xây dựng trường học thân thiện – Học sinh tích "
            "cực;",
            "Căn cứ công văn số 4015/SGD&ĐT-GDTH ngày 06/12/2010 của Sở GD&ĐT",
            "~về việc hướng dẫn đánh giá kết quả phong trào thi đua “Trường học thân thiện, "
            "học sinh tích cực” cấp tiểu học,",
            "Trường Tiểu học Đồng Kho 1 đã tiến hành tự đánh giá các tiêu chuẩn của Phong trào "
            "xây dựng “Trường học thân thiện, học sinh tích cực” và kết quả đạt được như sau:",
            "Tổng số điểm của 6 nội dung sau khi tự đánh giá: …………/100 điểm.",
            "Đối chiếu với các văn bản hướng dẫn của cấp trên thì nhà trường đã đạt được danh "
            "hiệu Trường học thân thiện - Học sinh tích cực.",
            "Với kết quả nêu trên, nhà trường kính đề nghị Lãnh đạo Phòng GD&ĐT Tánh Linh về "
            "kiểm tra công nhận danh hiệu Trường học thân thiện - Học sinh tích cực cho trường "
            "Tiểu học Đồng Kho 1 trong thời gian sắp đến.",
            "Trân trọng kính trình./.",
        ),
        noi_nhan=("- Như trên;", "- Lưu: VT."),
        signer=("HIỆU TRƯỞNG",),
        name="Cao Thống Suý",
    ),
)
