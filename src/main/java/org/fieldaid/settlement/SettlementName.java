package org.fieldaid.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "settlement_name")
class SettlementName {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "settlement_id")
    private Settlement settlement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private NameTradition tradition;

    @Column(nullable = false, length = 8)
    private String lang;

    @Column(nullable = false, length = 120)
    private String name;

    protected SettlementName() {
    }

    SettlementName(Settlement settlement, NameTradition tradition, String lang, String name) {
        this.settlement = settlement;
        this.tradition = tradition;
        this.lang = lang;
        this.name = name;
    }

    NameKey key() {
        return new NameKey(tradition, lang);
    }

    String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }
}
