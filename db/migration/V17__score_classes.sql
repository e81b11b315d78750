-- Classes a province ranks its communes into by score (Xuất sắc, Tốt, Khá, ...): framework data, versioned with the
-- framework, highest threshold first. A threshold is on the framework's display scale: points for a points framework,
-- percent otherwise; a score at or above it, and below the class before, falls in the class.
create table framework_score_class (
    framework_id bigint        not null references framework (id) on delete cascade,
    position     integer       not null,
    name_vi      varchar(100)  not null,
    name_en      varchar(100)  not null,
    threshold    numeric(9, 2) not null check (threshold >= 0),
    primary key (framework_id, position)
);
