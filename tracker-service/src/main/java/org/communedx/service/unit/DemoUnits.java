package org.communedx.service.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.service.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's part of the unit tree, with real GSO codes: Tỉnh Hòa Bình, its ten districts, every unit of Huyện
 * Lạc Sơn (the plan's district) and one commune in each of four others, until 30 June 2025; then the 2025 reform,
 * imported by {@link MergeImport} as an administrator would import it, from the rows of the national mapping that
 * name these units ({@value #MERGES}, sample data): the new Tỉnh Phú Thọ (25) and its twelve communes formed from
 * them, the new Xã Yên Phú keeping the code 05305. Seeded before the demo accounts, which belong to these units.
 * The full tree comes from importing the GSO list and the mapping.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoUnits implements ApplicationRunner {

    private static final List<Listed> DISTRICTS = List.of(
            new Listed("148", "Thành phố Hòa Bình", UnitType.THANH_PHO), new Listed("150", "Huyện Đà Bắc", UnitType.HUYEN),
            new Listed("152", "Huyện Lương Sơn", UnitType.HUYEN), new Listed("153", "Huyện Kim Bôi", UnitType.HUYEN),
            new Listed("154", "Huyện Cao Phong", UnitType.HUYEN), new Listed("155", "Huyện Tân Lạc", UnitType.HUYEN),
            new Listed("156", "Huyện Mai Châu", UnitType.HUYEN), new Listed("157", "Huyện Lạc Sơn", UnitType.HUYEN),
            new Listed("158", "Huyện Yên Thủy", UnitType.HUYEN), new Listed("159", "Huyện Lạc Thủy", UnitType.HUYEN));

    private static final List<String> LAC_SON_COMMUNES = List.of("05269 Quý Hòa", "05272 Miền Đồi", "05275 Mỹ Thành",
            "05278 Tuân Đạo", "05281 Văn Nghĩa", "05284 Văn Sơn", "05287 Tân Lập", "05290 Nhân Nghĩa",
            "05293 Thượng Cốc", "05299 Quyết Thắng", "05302 Xuất Hóa", "05305 Yên Phú", "05308 Bình Hẻm",
            "05320 Định Cư", "05323 Chí Đạo", "05329 Ngọc Sơn", "05332 Hương Nhượng", "05335 Vũ Bình",
            "05338 Tự Do", "05341 Yên Nghiệp", "05344 Tân Mỹ", "05347 Ân Nghĩa", "05350 Ngọc Lâu");

    /** The demo's rows of the 2025 merge mapping, with a note on their source in lines starting with {@code #}. */
    private static final String MERGES = "demo-merges-2025-07.csv";

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private static final String LEGAL_BASIS = "Nghị quyết 202/2025/QH15; nghị quyết của UBTVQH về sắp xếp đơn vị "
            + "hành chính cấp xã tỉnh Phú Thọ năm 2025 (số liệu mẫu)";

    private static final List<String> OTHER_COMMUNES = List.of("159 05404 Hưng Thi", "153 05068 Nam Thượng",
            "152 04969 Liên Sơn", "155 05173 Đông Lai");

    private final DemoData demoData;

    private final AdministrativeUnitRepository units;

    private final MergeImport mergeImport;

    DemoUnits(DemoData demoData, AdministrativeUnitRepository units, MergeImport mergeImport) {
        this.demoData = demoData;
        this.units = units;
        this.mergeImport = mergeImport;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || !units.findAllByCode("17").isEmpty()) {
            return;
        }
        AdministrativeUnit hoaBinh = units.save(AdministrativeUnit.province("17", "Tỉnh Hòa Bình", UnitType.TINH, null));
        Map<String, AdministrativeUnit> districts = new HashMap<>();
        for (Listed district : DISTRICTS) {
            districts.put(district.code(), units.save(AdministrativeUnit.within(hoaBinh, UnitLevel.DISTRICT,
                    district.code(), district.name(), district.type(), null)));
        }
        AdministrativeUnit lacSon = districts.get("157");
        units.save(AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05266", "Thị trấn Vụ Bản", UnitType.THI_TRAN,
                null));
        for (String commune : LAC_SON_COMMUNES) {
            units.save(AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, commune.substring(0, 5),
                    "Xã " + commune.substring(6), UnitType.XA, null));
        }
        for (String commune : OTHER_COMMUNES) {
            units.save(AdministrativeUnit.within(districts.get(commune.substring(0, 3)), UnitLevel.COMMUNE,
                    commune.substring(4, 9), "Xã " + commune.substring(10), UnitType.XA, null));
        }
        mergeImport.importMerges(new ByteArrayResource(mapping()), REFORM, LEGAL_BASIS, Set.of("25"));
    }

    /** The mapping without its note: the import reads the header first, as in any administrator's file. */
    private static byte[] mapping() {
        try (InputStream in = DemoUnits.class.getResourceAsStream(MERGES)) {
            String rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
            return rows.getBytes(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Listed(String code, String name, UnitType type) {
    }
}
