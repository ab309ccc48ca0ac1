package main

// The catalogue of the Republic of Examplia: a fictional country's
// migration-related budget lines, grouped by ministry ("vote") and programme.
// Descriptions, GCM objectives and gender markers are hand-written so that
// each line's tags are plausible together; amounts and beneficiary counts
// are drawn by the generator from a fixed-seed random source.

// A ministry is a budget vote with its programmes.
type ministry struct {
	vote  int
	name  string
	progs []programme
}

// A programme is a group of budget lines of one ministry.
type programme struct {
	code  string // "101-01"
	name  string
	lines []lineSpec
}

// A lineSpec is the fixed part of a budget line, the same in every fiscal
// year it appears in.
type lineSpec struct {
	desc string
	// obj is the GCM objective cell as written: a single objective ("7",
	// written as a number), a weighted split ("7 (60%), 16 (40%)") or an
	// unweighted list ("3; 7"), the last two written as text.
	obj string
	// marker is the OECD DAC gender equality policy marker as written:
	// "0", "1" or "2", or "" for a line that was not screened.
	marker string
	// ben gives the relative weights of women, men, girls and boys among
	// the planned beneficiaries; all zero means the line gives no counts.
	ben [4]int64
	// from and to bound the fiscal years the line exists in; 0 means open.
	from, to int
}

// ln returns a line with no beneficiary counts.
func ln(desc, obj, marker string) lineSpec {
	return lineSpec{desc: desc, obj: obj, marker: marker}
}

// lnB returns a line with planned beneficiary counts in the proportions
// women:men:girls:boys.
func lnB(desc, obj, marker string, women, men, girls, boys int64) lineSpec {
	return lineSpec{desc: desc, obj: obj, marker: marker, ben: [4]int64{women, men, girls, boys}}
}

// years restricts l to the fiscal years from..to (0 for open).
func (l lineSpec) years(from, to int) lineSpec {
	l.from, l.to = from, to
	return l
}

// activeIn reports whether the line exists in fiscal year fy.
func (l lineSpec) activeIn(fy int) bool {
	return (l.from == 0 || fy >= l.from) && (l.to == 0 || fy <= l.to)
}

// catalogue lists Examplia's 12 ministries in vote order.
var catalogue = []ministry{
	{101, "Ministry of Interior (immigration, borders)", []programme{
		{"101-01", "Border management", []lineSpec{
			ln("Border management equipment", "11", "0"),
			ln("Training of border officials on gender-sensitive screening", "11 (50%), 12 (50%)", "1"),
			ln("Gender-sensitive facilities at border crossing points (lighting, separate sanitation)", "11", "1"),
			ln("Search and rescue capacity on the northern sea route", "8", "0"),
			ln("Identification of missing migrants and support to their families", "8", "1"),
		}},
		{"101-02", "Immigration services", []lineSpec{
			ln("Visa and residence permit processing", "5", "0"),
			ln("Digital identity documents for migrants", "4", ""),
			lnB("Alternatives to immigration detention (community case management)", "13", "1", 3, 4, 2, 2),
			lnB("Reception centre operations", "12", "0", 3, 5, 2, 2),
		}},
		{"101-03", "Anti-smuggling & anti-trafficking", []lineSpec{
			ln("Anti-trafficking hotline", "10", "1"),
			ln("Specialised police unit on migrant smuggling", "9", "0"),
			lnB("Victim identification and referral for trafficked persons", "10 (70%), 12 (30%)", "2", 6, 1, 3, 1),
		}},
	}},
	{102, "Ministry of Labour and Social Protection", []programme{
		{"102-01", "Labour migration governance", []lineSpec{
			lnB("Labour migration information centres", "3; 6", "1", 5, 5, 0, 0),
			ln("Ethical recruitment monitoring and licensing of agencies", "6", "0"),
			lnB("Pre-departure orientation for migrant domestic workers", "3 (40%), 6 (60%)", "2", 9, 1, 0, 0),
			ln("Bilateral labour agreements negotiation", "5", ""),
			ln("Migrant worker grievance and complaint mechanism", "6", "1"),
		}},
		{"102-02", "Social protection", []lineSpec{
			ln("Portability of social security benefits for returning workers", "22", "0"),
			lnB("Cash transfers for migrant households in host communities", "7; 15", "1", 4, 3, 2, 2),
			ln("Labour inspection in agriculture and domestic work", "6", "1"),
		}},
		{"102-03", "Skills development", []lineSpec{
			ln("Recognition of skills and qualifications of migrant workers", "18", "0"),
			lnB("Vocational training for returnee women", "18 (50%), 21 (50%)", "2", 1, 0, 0, 0),
		}},
	}},
	{103, "Ministry of Foreign Affairs (consular services, diaspora)", []programme{
		{"103-01", "Consular services", []lineSpec{
			ln("Consular assistance to nationals abroad", "14", "0"),
			ln("Emergency repatriation fund for stranded nationals", "14 (70%), 21 (30%)", "0").years(0, 2023),
			lnB("Consular protection desks for women migrant workers", "14", "2", 1, 0, 0, 0),
			ln("Passport issuance at consulates", "4", ""),
			ln("Consular hotline for nationals abroad", "14", "0"),
		}},
		{"103-02", "Diaspora engagement", []lineSpec{
			ln("Diaspora investment forum", "19", "0"),
			ln("Diaspora skills transfer programme", "19", "1"),
			ln("Diaspora women entrepreneurs network", "19", "2"),
			ln("Remittance cost-reduction programme", "20", "0"),
		}},
		{"103-03", "International cooperation on migration", []lineSpec{
			ln("Contribution to the regional consultative process on migration", "23", ""),
			ln("GCM national implementation plan secretariat", "23", "1"),
		}},
	}},
	{104, "Ministry of Health", []programme{
		{"104-01", "Primary health care", []lineSpec{
			lnB("Migrant health outreach", "15", "1", 4, 3, 2, 2),
			lnB("Maternal and newborn care for migrant women", "15", "2", 1, 0, 0, 0),
			ln("Mobile clinics in border areas", "15 (80%), 11 (20%)", "0"),
			ln("Health insurance enrolment for migrant workers", "15; 22", "0"),
		}},
		{"104-02", "Public health", []lineSpec{
			ln("Vaccination campaigns in reception centres", "15", "0"),
			ln("Mental health and psychosocial support for migrants", "7; 15", "1"),
			ln("Health screening at points of entry", "11", ""),
		}},
		{"104-03", "Sexual and reproductive health", []lineSpec{
			lnB("Sexual and reproductive health services for migrant adolescents", "15", "1", 0, 0, 3, 2),
			ln("Clinical management of gender-based violence: training of health staff", "7", "2"),
		}},
	}},
	{105, "Ministry of Education", []programme{
		{"105-01", "Basic education", []lineSpec{
			lnB("School enrolment of migrant children", "15", "1", 0, 0, 1, 1),
			ln("Language classes for newcomer pupils", "16", "0"),
			lnB("Girls' school retention grants in host communities", "15 (50%), 16 (50%)", "2", 0, 0, 1, 0),
			ln("School meals in host communities", "15", "0"),
		}},
		{"105-02", "Higher education and vocational training", []lineSpec{
			ln("Scholarships for refugee and migrant students", "5", "1"),
			ln("Recognition of foreign diplomas", "18", "0"),
			ln("Teacher training on inclusive classrooms", "16; 17", ""),
			lnB("Adult literacy for migrant women", "16", "2", 1, 0, 0, 0),
		}},
	}},
	{106, "Ministry of Gender and Family", []programme{
		{"106-01", "Protection from violence", []lineSpec{
			lnB("Shelters for migrant women survivors of violence", "7", "2", 6, 0, 2, 1),
			lnB("Case management for trafficked women and girls", "10", "2", 3, 0, 1, 0),
			ln("Legal aid for migrant women", "7 (60%), 16 (40%)", "2"),
			ln(`Outreach to "at-risk" migrants & families <pilot>`, "7", "1").years(2024, 0),
		}},
		{"106-02", "Family and childhood", []lineSpec{
			lnB("Guardianship for unaccompanied migrant children", "7; 13", "1", 0, 0, 2, 3),
			ln("Family tracing and reunification", "21", "1"),
			ln("Women's economic empowerment grants for returnees", "21", "2"),
		}},
		{"106-03", "Gender mainstreaming", []lineSpec{
			ln("Gender analysis of migration policy", "1; 23", "2"),
			ln("Awareness campaign against xenophobia & sexism", "17", "1"),
		}},
	}},
	{107, "Ministry of Justice", []programme{
		{"107-01", "Access to justice", []lineSpec{
			ln("Legal aid for migrants in detention", "13", "0"),
			ln("Interpretation services in courts", "16", "0"),
			ln("Prosecution of trafficking cases", "10", "1"),
			ln("Victim compensation fund (trafficking)", "10", "1"),
		}},
		{"107-02", "Civil registration", []lineSpec{
			lnB("Birth registration for children of migrants", "4", "0", 0, 0, 1, 1),
			ln("Statelessness determination procedure", "4", ""),
			ln(`Training of judges on "gender & migration"`, "17", "2"),
		}},
	}},
	{108, "National Statistics Office", []programme{
		{"108-01", "Migration statistics", []lineSpec{
			ln("Disaggregated migration data survey", "1", "1"),
			ln("Labour force survey migration module", "1", "0"),
			ln("Census migration questions (preparation)", "1", "").years(2024, 0),
			ln("Training of statisticians on sex-disaggregated data", "1", "1"),
		}},
		{"108-02", "Administrative data", []lineSpec{
			ln("Integration of border and consular administrative records", "1 (50%), 11 (50%)", "0"),
			ln("Sex-disaggregated remittance statistics", "1; 20", "1"),
		}},
	}},
	{109, "Ministry of Finance", []programme{
		{"109-01", "Financial inclusion", []lineSpec{
			ln("Digital remittance channels for rural women", "20", "1"),
			lnB("Financial literacy for migrant families", "20 (50%), 19 (50%)", "1", 3, 2, 0, 0),
			ln("Diaspora bond issuance", "19", "0"),
		}},
		{"109-02", "Public finance management", []lineSpec{
			ln("Gender-responsive budgeting unit: migration budget tagging", "23", "1"),
			ln("Contingency reserve for migration emergencies", "7", ""),
			ln("Customs modernisation at border posts", "11", "0"),
		}},
	}},
	{110, "Ministry of Local Government", []programme{
		{"110-01", "Local integration", []lineSpec{
			ln("Municipal migrant information desks", "3", "0"),
			ln("Social cohesion grants to host municipalities", "16", "1"),
			ln("Community dialogue against discrimination", "17", "0"),
			ln("Safe public spaces for women in informal settlements", "7; 16", "1"),
			ln("Local migration governance coordination", "23", ""),
		}},
		{"110-02", "Local services", []lineSpec{
			lnB("Housing support for returnees", "21", "0", 2, 2, 1, 1),
			ln("Water and sanitation in migrant settlements", "15", ""),
			ln("Local climate adaptation in areas of out-migration", "2", ""),
		}},
	}},
	{111, "Ministry of Agriculture", []programme{
		{"111-01", "Rural livelihoods", []lineSpec{
			ln("Climate-resilient agriculture to reduce distress migration", "2", "1"),
			ln("Rural youth employment to address drivers of migration", "2", "0"),
			lnB("Land rights support for women farmers in migrant-sending areas", "2", "2", 1, 0, 0, 0),
		}},
		{"111-02", "Seasonal workers", []lineSpec{
			ln("Seasonal agricultural worker scheme", "5; 6", "0"),
			ln("Housing inspection for seasonal workers", "6", ""),
			ln("Agricultural extension services in return areas", "21", "0"),
		}},
	}},
	{112, "Ministry of Social Development", []programme{
		{"112-01", "Return and reintegration", []lineSpec{
			lnB("Reintegration grants for returnees", "21", "1", 3, 4, 1, 1),
			ln("Reception of returnees at the international airport", "21", "0"),
			ln("Psychosocial support to returnees", "21 (60%), 7 (40%)", "1"),
			lnB("Vocational kits for returnee youth", "21", "0", 1, 1, 0, 0),
		}},
		{"112-02", "Social assistance", []lineSpec{
			lnB("Social assistance for vulnerable migrant households", "7", "1", 4, 2, 2, 2),
			ln("Disability support for migrants", "7 (60%), 16 (40%)", ""),
			ln("Childcare for migrant working mothers", "7; 16", "1"),
			ln("Cash-for-work in host communities", "16", "0"),
		}},
	}},
}
