package io.esbridge.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** {@code es.field-lengths.<Table>.<Column>} overrides one column, written as in a YAML file or as a variable. */
class FieldLengthsSettingTest {

    @Test
    void aSettingOverridesItsColumnAndNoOther() {
        FieldLengths lengths = new FieldLengthsConfiguration()
                .fieldLengths(new MockEnvironment().withProperty("es.field-lengths.Users.City", "100"));
        assertThat(lengths.column("Users.City")).contains(100);
        assertThat(lengths.column("Users.State")).contains(50);
        assertThat(new FieldLengthsConfiguration()
                        .fieldLengths(new MockEnvironment())
                        .all())
                .isEqualTo(FieldLengths.defaults().all());
    }

    @Test
    void anEnvironmentVariableOverridesItsColumnToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("ES_FIELDLENGTHS_PACKAGES_PACKAGENAME", "500")));
        assertThat(new FieldLengthsConfiguration().fieldLengths(environment).column("Packages.PackageName"))
                .contains(500);
    }

    @Test
    void aColumnNoFieldIsStoredInStopsTheStart() {
        assertThatThrownBy(() -> new FieldLengthsConfiguration()
                        .fieldLengths(new MockEnvironment().withProperty("es.field-lengths.Users.Shoesize", "3")))
                .hasMessageContaining("es.field-lengths.Users.Shoesize")
                .hasMessageContaining("Users.City");
    }
}
