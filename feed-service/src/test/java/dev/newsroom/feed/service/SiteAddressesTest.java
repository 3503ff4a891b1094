package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.SiteConfig;
import dev.newsroom.feed.support.TestConfig;

class SiteAddressesTest {

    private static SiteAddresses addresses(List<String> sectionNames, String icon) {
        return new SiteAddresses(new TestConfig(), new SiteConfig() {
            @Override
            public int pageSize() {
                return 20;
            }

            @Override
            public int sitemapPageSize() {
                return 10_000;
            }

            @Override
            public int newsSitemapSize() {
                return 1_000;
            }

            @Override
            public Optional<List<String>> sectionNames() {
                return Optional.of(sectionNames);
            }

            @Override
            public Optional<URI> icon() {
                return Optional.ofNullable(icon).map(URI::create);
            }

            @Override
            public ZoneId timeZone() {
                return ZoneId.of("Europe/Lisbon");
            }
        });
    }

    @Test
    void feedsAreTitledBySectionNamesAndCarryTheConfiguredIcon() {
        SiteAddresses site = addresses(List.of("us-news=US news"), "https://newsroom.example/icon.png");

        assertThat(site.feedTitle(FeedScope.ALL)).isEqualTo("Newsroom");
        assertThat(site.feedTitle(FeedScope.section("us-news"))).isEqualTo("Newsroom: US news");
        assertThat(site.feedTitle(FeedScope.section("politics"))).isEqualTo("Newsroom: Politics");
        assertThat(site.feedTitle(FeedScope.tag("harbour"))).isEqualTo("Newsroom: #harbour");
        assertThat(site.icon()).hasToString("https://newsroom.example/icon.png");
        assertThat(addresses(List.of(), null).icon()).isNull();
    }

    @Test
    void pagesWithTheirSectionsKeepTheNewsroomsTimeZone() {
        SiteAddresses site = addresses(List.of(), null);

        assertThat(site.site(List.of("politics", "culture")).timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(site.site(List.of()).timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void anIconThatIsNoAbsoluteWebAddressOrAMalformedSectionNameStopsTheStart() {
        for (String icon : List.of("icon.png", "/brand/icon.png", "ftp://newsroom.example/icon.png", "https:icon")) {
            assertThatThrownBy(() -> addresses(List.of(), icon)).as(icon)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("newsroom.site.icon '" + icon + "' is not an absolute http or https URL");
        }
        assertThatThrownBy(() -> addresses(List.of("us-news"), null))
                .hasMessageContaining("section name 'us-news' is not of the form section=Name");
    }
}
