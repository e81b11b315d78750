package org.communedx.model.unit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The kind of a unit, as Vietnamese law names it; the name of a unit starts with it ("Huyện Lạc Sơn"). */
public enum UnitType {

    TINH("Tỉnh", UnitLevel.PROVINCE),
    THANH_PHO("Thành phố", UnitLevel.PROVINCE, UnitLevel.DISTRICT),
    HUYEN("Huyện", UnitLevel.DISTRICT),
    QUAN("Quận", UnitLevel.DISTRICT),
    THI_XA("Thị xã", UnitLevel.DISTRICT),
    XA("Xã", UnitLevel.COMMUNE),
    PHUONG("Phường", UnitLevel.COMMUNE),
    THI_TRAN("Thị trấn", UnitLevel.COMMUNE),
    DAC_KHU("Đặc khu", UnitLevel.COMMUNE);

    private final String label;

    private final Set<UnitLevel> levels;

    UnitType(String label, UnitLevel level, UnitLevel... otherLevels) {
        this.label = label;
        this.levels = EnumSet.of(level, otherLevels);
    }

    public String label() {
        return label;
    }

    public boolean fits(UnitLevel level) {
        return levels.contains(level);
    }

    /** The type a GSO "Cấp" column names, e.g. "Thị trấn". */
    public static Optional<UnitType> ofLabel(String label) {
        String normalized = UnitNames.normalize(label);
        return Arrays.stream(values()).filter(type -> type.label.equalsIgnoreCase(normalized)).findFirst();
    }

    /** The type a unit's name starts with, e.g. "Thành phố Hòa Bình"; the longest label wins. */
    public static Optional<UnitType> ofName(String name, UnitLevel level) {
        String normalized = UnitNames.normalize(name);
        return Arrays.stream(values())
                .filter(type -> type.fits(level))
                .filter(type -> normalized.regionMatches(true, 0, type.label + " ", 0, type.label.length() + 1))
                .max(Comparator.comparingInt(type -> type.label.length()));
    }
}
