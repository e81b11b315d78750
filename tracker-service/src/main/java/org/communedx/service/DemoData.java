package org.communedx.service;

import org.communedx.service.database.PersistentPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether to seed the demo units, accounts and assessments: with the embedded database (a trial or a laptop)
 * where nobody could mistake them for real ones, or wherever {@code communedx.demo-data=true} asks for them.
 */
@Component
public class DemoData {

    private final boolean enabled;

    DemoData(ObjectProvider<PersistentPostgres> embeddedDatabase, CommuneDxProperties properties) {
        this.enabled = properties.demoData() != null ? properties.demoData() : embeddedDatabase.getIfAvailable() != null;
    }

    public boolean enabled() {
        return enabled;
    }
}
