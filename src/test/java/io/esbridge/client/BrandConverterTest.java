package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code es.server.brand} as operators write it, old names included. */
class BrandConverterTest {

    private final BrandConverter converter = new BrandConverter();

    @Test
    void theWebsitePanel1xProfileHasItsOwnName() {
        assertThat(converter.convert("websitepanel-1")).isEqualTo(Brand.WEBSITEPANEL_1);
        assertThat(converter.convert(" WEBSITEPANEL_1 ")).isEqualTo(Brand.WEBSITEPANEL_1);
    }

    @Test
    void anOldConfigurationNamingWebsitePanelStillStarts() {
        assertThat(converter.convert("websitepanel")).isEqualTo(Brand.WEBSITEPANEL);
        assertThat(converter.convert("websitepanel-2.1")).isEqualTo(Brand.WEBSITEPANEL_2_1);
    }

    @Test
    void anUnknownBrandIsRefusedNamingEveryKnownOne() {
        assertThatThrownBy(() -> converter.convert("plesk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown brand 'plesk': use one of dotnetpanel, websitepanel-1, websitepanel, "
                        + "websitepanel-2.1, solidcp, mspcontrol");
    }

    @Test
    void esServerBrandAlsoTakesAutoAndNamesItAmongTheChoices() {
        assertThat(new BrandChoiceConverter().convert(" AUTO ")).isEqualTo(BrandChoice.AUTO);
        assertThat(new BrandChoiceConverter().convert("websitepanel-2.1").brand())
                .isEqualTo(Brand.WEBSITEPANEL_2_1);
        assertThatThrownBy(() -> new BrandChoiceConverter().convert("plesk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown brand 'plesk': use one of dotnetpanel, websitepanel-1, websitepanel, "
                        + "websitepanel-2.1, solidcp, mspcontrol, or auto");
    }

    /** es.sandbox.brand follows es.server.brand in config/application.yml; a sandbox has nothing to look at. */
    @Test
    void theSandboxGivenAutoPlaysTheDefaultBrand() {
        assertThat(converter.convert("auto")).isEqualTo(Brand.SOLIDCP);
    }
}
