-- The default framework: DX-XA 1.0, the project's reading of Hoa Binh's commune-level model
-- (shared/design/criteria-catalogue.md). Later versions are made by administrators, not migrations.
insert into framework (code, version, title_vi, title_en, status, published_at)
values ('DX-XA', '1.0', 'Mô hình chuyển đổi số cấp xã', 'Commune-level digital transformation model', 'PUBLISHED',
        timestamp with time zone '2023-01-01 00:00:00+07');

insert into criterion_group (framework_id, code, name_vi, name_en, position)
values
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G1', 'Đào tạo, chuyển đổi nhận thức', 'Training and cognitive transformation', 0),
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G2', 'Hạ tầng số', 'Digital infrastructure', 1),
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G3', 'Bảo đảm an toàn thông tin mạng', 'Network information security', 2),
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G4', 'Chính quyền số', 'Digital administration', 3),
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G5', 'Kinh tế số', 'Digital economy', 4),
    ((select id from framework where code = 'DX-XA' and version = '1.0'), 'G6', 'Xã hội số', 'Digital society', 5);

insert into criterion (group_id, code, name_vi, name_en, measurement_type, target_value, comparison, unit,
                       typical_evidence_vi, typical_evidence_en, evidence_required, position)
values
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G1'),
     'G1.C1', 'Tỷ lệ cán bộ, công chức xã được đào tạo, tập huấn kỹ năng số',
     'Commune officials trained in digital skills',
     'PERCENT', 100, 'AT_LEAST', '%',
     'danh sách tham dự, giấy chứng nhận', 'attendance lists, certificates', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G1'),
     'G1.C2', 'Tỷ lệ người dân trưởng thành, doanh nghiệp, tổ chức được tuyên truyền về chuyển đổi số',
     'Adults, businesses and organisations reached by digital-transformation outreach',
     'PERCENT', 100, 'AT_LEAST', '%',
     'kế hoạch truyền thông, sổ theo dõi phát thanh, thống kê trang fanpage, hình ảnh', 'communication plan, loudspeaker log, fan-page statistics, photos', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G2'),
     'G2.C1', 'Tỷ lệ cán bộ, công chức được trang bị máy vi tính, thiết bị phụ trợ',
     'Officials equipped with a computer and peripherals',
     'PERCENT', 100, 'AT_LEAST', '%',
     'sổ kiểm kê tài sản', 'asset inventory', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G2'),
     'G2.C2', 'Tỷ lệ hộ gia đình có khả năng kết nối Internet băng rộng cáp quang',
     'Households able to connect to fibre broadband',
     'PERCENT', 100, 'AT_LEAST', '%',
     'văn bản xác nhận vùng phủ của doanh nghiệp viễn thông, khảo sát thôn', 'operator coverage letter, village survey', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G2'),
     'G2.C3', 'Tỷ lệ thôn, xóm, khu dân cư được phủ sóng 3G/4G',
     'Villages and residential areas covered by 3G/4G',
     'PERCENT', 100, 'AT_LEAST', '%',
     'bản đồ vùng phủ sóng của nhà mạng, ảnh chụp màn hình đo kiểm thực tế', 'operator coverage map, field test screenshots', true, 2),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G2'),
     'G2.C4', 'UBND xã kết nối mạng truyền số liệu chuyên dùng',
     'Commune People''s Committee connected to the dedicated government data network',
     'BOOLEAN', 1, 'AT_LEAST', null,
     'biên bản bàn giao', 'hand-over record', true, 3),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G2'),
     'G2.C5', 'Điểm cầu họp trực tuyến cấp xã hoạt động thường xuyên',
     'Commune online video-conference endpoint in regular use',
     'BOOLEAN', 1, 'AT_LEAST', null,
     'hình ảnh, sổ theo dõi cuộc họp', 'photos, meeting log', true, 4),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G3'),
     'G3.C1', 'Tỷ lệ máy tính được cài phần mềm phòng, chống mã độc',
     'Computers with anti-malware software',
     'PERCENT', 100, 'AT_LEAST', '%',
     'ảnh chụp màn hình trang quản trị, danh sách bản quyền', 'console screenshot, licence list', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G3'),
     'G3.C2', 'Mức độ tổ chức bảo đảm an toàn thông tin tại xã',
     'Level of security organisation (0 none, 1 officer assigned, 2 plus internal regulation, 3 plus yearly self-check)',
     'LEVEL', 3, 'AT_LEAST', null,
     'quyết định phân công, quy chế, báo cáo tự kiểm tra', 'assignment decision, regulation, check report', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G3'),
     'G3.C3', 'Số sự cố mất an toàn thông tin nghiêm trọng trong kỳ',
     'Serious information-security incidents in the period',
     'COUNT', 0, 'AT_MOST', null,
     'sổ theo dõi sự cố, xác nhận của Sở', 'incident log, confirmation by the provincial department', true, 2),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C1', 'Tỷ lệ văn bản đi, đến được trao đổi điện tử, ký số (trừ văn bản mật)',
     'Documents exchanged electronically with digital signatures (classified excluded)',
     'PERCENT', 100, 'AT_LEAST', '%',
     'màn hình thống kê của hệ thống quản lý văn bản', 'statistics screen of the document management system', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C2', 'Tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng',
     'Commune work records processed online',
     'PERCENT', 60, 'AT_LEAST', '%',
     'báo cáo của hệ thống', 'system report', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C3', 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình',
     'Eligible administrative procedures offered fully online',
     'PERCENT', 100, 'AT_LEAST', '%',
     'danh sách từ Cổng dịch vụ công của tỉnh', 'list from the provincial public service portal', true, 2),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C4', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến',
     'Administrative procedure dossiers submitted online',
     'PERCENT', 55, 'AT_LEAST', '%',
     'số liệu thống kê của Cổng dịch vụ công', 'portal statistics', true, 3),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C5', 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa, lưu trữ trên Cổng dịch vụ công của tỉnh',
     'Dossiers digitised and stored on the provincial public service portal',
     'PERCENT', 100, 'AT_LEAST', '%',
     'báo cáo số hóa của Cổng dịch vụ công', 'portal digitisation report', true, 4),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C6', 'Tỷ lệ cán bộ, công chức sử dụng chữ ký số, thư điện tử công vụ',
     'Officials using digital signatures and official e-mail',
     'PERCENT', 100, 'AT_LEAST', '%',
     'danh sách chứng thư số và tài khoản thư điện tử', 'certificate and account list', true, 5),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G4'),
     'G4.C7', 'Tỷ lệ người dân, doanh nghiệp hài lòng khi giải quyết thủ tục hành chính',
     'Citizens and businesses satisfied with how procedures are handled',
     'PERCENT', 90, 'AT_LEAST', '%',
     'kết quả khảo sát', 'survey results', true, 6),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G5'),
     'G5.C1', 'Tỷ lệ sản phẩm OCOP, sản phẩm chủ lực có mặt trên sàn thương mại điện tử',
     'OCOP and key local products listed on e-commerce platforms',
     'PERCENT', 100, 'AT_LEAST', '%',
     'ảnh chụp trang sản phẩm (Voso, Postmart)', 'product page screenshots (Voso, Postmart)', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G5'),
     'G5.C2', 'Tỷ lệ hộ, cơ sở kinh doanh chấp nhận thanh toán không dùng tiền mặt',
     'Business households accepting cashless payment',
     'PERCENT', 80, 'AT_LEAST', '%',
     'ảnh mã QR, danh sách', 'QR-code photos, list', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G5'),
     'G5.C3', 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
     'Small and medium enterprises using digital platforms',
     'PERCENT', 50, 'AT_LEAST', '%',
     'danh sách khảo sát', 'survey list', true, 2),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G5'),
     'G5.C4', 'Tỷ lệ thành viên hợp tác xã, doanh nghiệp được tập huấn ứng dụng công nghệ số',
     'Cooperative and enterprise members trained in digital tools',
     'PERCENT', 50, 'AT_LEAST', '%',
     'danh sách tham dự', 'attendance lists', true, 3),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G5'),
     'G5.C5', 'Số mô hình sản xuất ứng dụng công nghệ số, truy xuất nguồn gốc',
     'Production models using digital technology or traceability',
     'COUNT', 1, 'AT_LEAST', null,
     'hình ảnh, trang truy xuất nguồn gốc bằng mã QR', 'photos, traceability QR pages', true, 4),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G6'),
     'G6.C1', 'Tỷ lệ dân số từ 15 tuổi trở lên có điện thoại thông minh',
     'People aged 15 and over with a smartphone',
     'PERCENT', 80, 'AT_LEAST', '%',
     'khảo sát thôn, số liệu nhà mạng', 'village survey, operator data', true, 0),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G6'),
     'G6.C2', 'Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán',
     'People aged 15 and over with a payment account',
     'PERCENT', 80, 'AT_LEAST', '%',
     'số liệu ngân hàng, bưu điện, khảo sát', 'bank and post office data, survey', true, 1),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G6'),
     'G6.C3', 'Tỷ lệ người trưởng thành kích hoạt tài khoản định danh điện tử VNeID mức 2',
     'Adults with an activated level-2 VNeID electronic identity',
     'PERCENT', 80, 'AT_LEAST', '%',
     'báo cáo của Công an xã', 'commune police report', true, 2),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G6'),
     'G6.C4', 'Tỷ lệ thôn, xóm có Tổ công nghệ số cộng đồng hoạt động',
     'Villages with an active community digital-technology team',
     'PERCENT', 100, 'AT_LEAST', '%',
     'quyết định thành lập, sổ theo dõi hoạt động', 'establishment decision, activity log', true, 3),
    ((select g.id from criterion_group g join framework f on f.id = g.framework_id
      where f.code = 'DX-XA' and f.version = '1.0' and g.code = 'G6'),
     'G6.C5', 'Tỷ lệ người trong độ tuổi lao động có kỹ năng số cơ bản ("Bình dân học vụ số")',
     'Working-age people with basic digital skills ("Digital Literacy for All")',
     'PERCENT', 70, 'AT_LEAST', '%',
     'danh sách lớp học, chứng nhận trên nền tảng', 'class lists, platform certificates', true, 4);
