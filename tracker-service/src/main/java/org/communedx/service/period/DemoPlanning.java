package org.communedx.service.period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.period.PlanTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.service.DemoData;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.audit.AuditLog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's periods 2023 to 2025 on DX-XA 1.0 and 2026 on the sample points version DX-XA 2.0 (imported just before
 * by {@code DemoFrameworks}; on 1.0 as well where it is missing), and Lạc Sơn's plan: at least 30% of the model in at
 * least 7 of its 24 communes by 31 December 2025, with Yên Phú as the 2023 pilot; and, still running, the 2026 plan of
 * Tỉnh Phú Thọ, which the 2025 reform formed from Hòa Bình and others: at least 40% in 5 of the 8 communes formed from
 * Lạc Sơn's, with the new Xã Yên Phú as its pilot. After the demo units, which it uses.
 * <p>
 * Each period's submission deadline is 15 December of its year, but for the last one's: commune staff can change
 * nothing after the deadline, so a demo seeded on 20 December 2026, or in 2027, would have nowhere left to try
 * journeys J1 and J2. Its deadline is therefore at least {@link #OPEN_DAYS} days after the day of seeding, as an
 * administrator would extend it; the earlier years' stay in the past, closed, with their sample history.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoPlanning implements ApplicationRunner {

    static final String PLAN_NAME = "Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025";

    static final String PROVINCE_PLAN_NAME = "Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026";

    static final int FIRST_YEAR = 2023;

    static final int LAST_YEAR = 2026;

    /** The version of the last period: the province's year after the reform is scored in points. */
    static final String POINTS_VERSION = "2.0";

    /** How long after seeding the last period stays open to commune staff, at the least. */
    static final int OPEN_DAYS = 60;

    private final DemoData demoData;

    private final PeriodRepository periods;

    private final PlanRepository plans;

    private final FrameworkRepository frameworks;

    private final AdministrativeUnitRepository units;

    private final UnitSuccessionRepository successions;

    private final AuditLog audit;

    private final Clock clock;

    DemoPlanning(DemoData demoData, PeriodRepository periods, PlanRepository plans, FrameworkRepository frameworks,
            AdministrativeUnitRepository units, UnitSuccessionRepository successions, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.successions = successions;
        this.demoData = demoData;
        this.periods = periods;
        this.plans = plans;
        this.frameworks = frameworks;
        this.units = units;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || periods.count() > 0) {
            return;
        }
        Framework dxXa = frameworks.findByCodeAndVersion("DX-XA", "1.0").orElse(null);
        Framework points = frameworks.findByCodeAndVersion("DX-XA", POINTS_VERSION).orElse(dxXa);
        AdministrativeUnit lacSon = units.findByCodeValidOn("157", LocalDate.of(2023, 1, 1)).orElse(null);
        if (dxXa == null || lacSon == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Period period = periods.save(new Period(new PeriodTerms("Năm " + year, year, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), deadline(year, today)), year == LAST_YEAR ? points : dxXa));
            audit.record(PeriodService.AUDIT_TYPE, period.getId(), "CREATE", null, PeriodService.view(period));
        }
        List<AdministrativeUnit> communes = units.findChildrenValidOn(lacSon, LocalDate.of(2023, 1, 1));
        List<AdministrativeUnit> pilots = communes.stream().filter(unit -> unit.getCode().equals("05305")).toList();
        Plan plan = plans.save(new Plan(new PlanTerms(PLAN_NAME, 30, 7, LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 12, 31)), lacSon, communes, pilots));
        audit.record(PlanService.AUDIT_TYPE, plan.getId(), "CREATE", null, java.util.Map.of("name", plan.getName(),
                "communes", communes.size()));
        // A plan that is still running, so that the demo shows a forecast as well as a plan judged on its deadline:
        // the new province's, over the communes that Lạc Sơn's were merged into.
        LocalDate provinceStart = LocalDate.of(LAST_YEAR, 1, 1);
        AdministrativeUnit phuTho = units.findByCodeValidOn("25", provinceStart).orElse(null);
        if (phuTho == null) {
            return;
        }
        List<AdministrativeUnit> successors = successions.findCommunesFormedFromThoseOf(lacSon);
        List<AdministrativeUnit> provincePilots = successors.stream()
                .filter(unit -> unit.getCode().equals("05305")).toList();
        Plan provincePlan = plans.save(new Plan(new PlanTerms(PROVINCE_PLAN_NAME, 40, 5, provinceStart,
                LocalDate.of(LAST_YEAR, 12, 31)), phuTho, successors, provincePilots));
        audit.record(PlanService.AUDIT_TYPE, provincePlan.getId(), "CREATE", null, java.util.Map.of("name",
                provincePlan.getName(), "communes", successors.size()));
    }

    /** 15 December of the year; for the last year, no earlier than {@link #OPEN_DAYS} days after {@code today}. */
    static LocalDate deadline(int year, LocalDate today) {
        LocalDate usual = LocalDate.of(year, 12, 15);
        LocalDate open = today.plusDays(OPEN_DAYS);
        return year == LAST_YEAR && open.isAfter(usual) ? open : usual;
    }
}
