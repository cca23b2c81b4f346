"""Country names, variants and nationality words mapped to ISO 3166-1 alpha-2 codes.

Lists write countries as free text in many dialects: OFAC ("Korea, North", "Burma"), the UN
("Iran (Islamic Republic of)"), the UK ("DPRK", "Tunisian"), the EU (upper case). Each line
below is ``code|name|variant|...`` (a code may go on over several lines); lookups use a
folded form (lower case, no accents, no punctuation), so case and punctuation need no
variant. Written by hand for this project; covers every country in the official samples.
"""

from __future__ import annotations

_TABLE = """
af|Afghanistan|Afghan|Afghani
ax|Aland Islands|Åland Islands
al|Albania|Albanian
dz|Algeria|Algerian
as|American Samoa
ad|Andorra|Andorran
ao|Angola|Angolan
ai|Anguilla
aq|Antarctica
ag|Antigua and Barbuda|Antiguan
ar|Argentina|Argentine|Argentinian
am|Armenia|Armenian
aw|Aruba
au|Australia|Australian
at|Austria|Austrian
az|Azerbaijan|Azerbaijani|Azeri
bs|Bahamas|Bahamas, The|Bahamian
bh|Bahrain|Bahraini
bd|Bangladesh|Bangladeshi
bb|Barbados|Barbadian
by|Belarus|Belarusian|Byelorussia
be|Belgium|Belgian
bz|Belize|Belizean
bj|Benin|Beninese
bm|Bermuda
bt|Bhutan|Bhutanese
bo|Bolivia|Bolivia (Plurinational State of)|Bolivian
bq|Bonaire, Sint Eustatius and Saba
ba|Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia|Bosnian
bw|Botswana|Motswana|Batswana
br|Brazil|Brazilian
vg|Virgin Islands, British|British Virgin Islands|BVI
bn|Brunei|Brunei Darussalam|Bruneian
bg|Bulgaria|Bulgarian
bf|Burkina Faso|Burkinabe
bi|Burundi|Burundian
cv|Cabo Verde|Cape Verde|Cape Verdean
kh|Cambodia|Cambodian|Kampuchea
cm|Cameroon|Cameroonian
ca|Canada|Canadian
ky|Cayman Islands|Caymanian
cf|Central African Republic|Central African|CAR
td|Chad|Chadian
cl|Chile|Chilean
cn|China|People's Republic of China|PRC|Chinese|China, People's Republic of|Mainland China
co|Colombia|Colombian
km|Comoros|Comorian
cg|Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville|Congo (Brazzaville)
cd|Democratic Republic of the Congo|Congo, Democratic Republic of the|DRC|DR Congo
cd|Congo-Kinshasa|Congo (Kinshasa)|Zaire|Congolese
ck|Cook Islands
cr|Costa Rica|Costa Rican
ci|Cote d'Ivoire|Côte d'Ivoire|Ivory Coast|Ivorian
hr|Croatia|Croatian
cu|Cuba|Cuban
cw|Curacao|Curaçao
cy|Cyprus|Cypriot
cz|Czechia|Czech Republic|Czech
dk|Denmark|Danish
dj|Djibouti|Djiboutian
dm|Dominica
do|Dominican Republic
ec|Ecuador|Ecuadorian|Ecuadorean
eg|Egypt|Egyptian
sv|El Salvador|Salvadoran|Salvadorean
gq|Equatorial Guinea|Equatoguinean
er|Eritrea|Eritrean
ee|Estonia|Estonian
sz|Eswatini|Swaziland|Swazi
et|Ethiopia|Ethiopian
fk|Falkland Islands
fo|Faroe Islands
fj|Fiji|Fijian
fi|Finland|Finnish
fr|France|French
gf|French Guiana
pf|French Polynesia
ga|Gabon|Gabonese
gm|Gambia|Gambia, The|The Gambia|Gambian
ge|Georgia|Georgian
de|Germany|German|Federal Republic of Germany
gh|Ghana|Ghanaian
gi|Gibraltar
gr|Greece|Greek
gl|Greenland
gd|Grenada|Grenadian
gp|Guadeloupe
gu|Guam
gt|Guatemala|Guatemalan
gg|Guernsey
gn|Guinea|Guinean
gw|Guinea-Bissau|Guinea Bissau|Bissau-Guinean
gy|Guyana|Guyanese
ht|Haiti|Haitian
va|Holy See|Vatican|Vatican City
hn|Honduras|Honduran
hk|Hong Kong|Hong Kong SAR|China, Hong Kong Special Administrative Region
hk|Hong Kong Special Administrative Region|Hong Kong, China|Hongkong
hu|Hungary|Hungarian
is|Iceland|Icelandic
in|India|Indian
id|Indonesia|Indonesian
ir|Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iran, Islamic Republic of|Iranian
ir|Persia
iq|Iraq|Iraqi
ie|Ireland|Irish
im|Isle of Man
il|Israel|Israeli
it|Italy|Italian
jm|Jamaica|Jamaican
jp|Japan|Japanese
je|Jersey
jo|Jordan|Jordanian
kz|Kazakhstan|Kazakh|Kazakhstani
ke|Kenya|Kenyan
ki|Kiribati
kp|North Korea|Korea, North|Democratic People's Republic of Korea|DPRK
kp|Korea, Democratic People's Republic of|Korea (Democratic People's Republic of)|North Korean
kp|Korea DPR
kr|South Korea|Korea, South|Republic of Korea|Korea, Republic of|Korea (Republic of)
kr|South Korean
xk|Kosovo|Kosovar
kw|Kuwait|Kuwaiti
kg|Kyrgyzstan|Kyrgyz|Kyrgyz Republic|Kirghizia
la|Laos|Lao People's Democratic Republic|Lao|Laotian
lv|Latvia|Latvian
lb|Lebanon|Lebanese
ls|Lesotho|Basotho
lr|Liberia|Liberian
ly|Libya|Libyan|Libyan Arab Jamahiriya
li|Liechtenstein|Liechtensteiner
lt|Lithuania|Lithuanian
lu|Luxembourg|Luxembourgish|Luxembourger
mo|Macau|Macao|Macau SAR|China, Macao Special Administrative Region|Macanese
mg|Madagascar|Malagasy
mw|Malawi|Malawian
my|Malaysia|Malaysian
mv|Maldives|Maldivian
ml|Mali|Malian
mt|Malta|Maltese
mh|Marshall Islands|Marshallese
mq|Martinique
mr|Mauritania|Mauritanian
mu|Mauritius|Mauritian
mx|Mexico|Mexican
fm|Micronesia|Micronesia, Federated States of|Micronesia (Federated States of)
md|Moldova|Republic of Moldova|Moldova, Republic of|Moldovan
mc|Monaco|Monegasque
mn|Mongolia|Mongolian
me|Montenegro|Montenegrin
ms|Montserrat
ma|Morocco|Moroccan
mz|Mozambique|Mozambican
mm|Burma|Myanmar|Burmese|Birmanie
na|Namibia|Namibian
nr|Nauru|Nauruan
np|Nepal|Nepalese|Nepali
nl|Netherlands|Netherlands, The|The Netherlands|Holland|Dutch
nc|New Caledonia
nz|New Zealand|New Zealander
ni|Nicaragua|Nicaraguan
ne|Niger|Nigerien
ng|Nigeria|Nigerian
mk|North Macedonia|Macedonia|The former Yugoslav Republic of Macedonia|Macedonian
mp|Northern Mariana Islands
no|Norway|Norwegian
om|Oman|Omani
pk|Pakistan|Pakistani
pw|Palau|Palauan
ps|Palestine|State of Palestine|Palestinian|Palestinian Territories
ps|Occupied Palestinian Territory|West Bank|Gaza|Gaza Strip|Region: Gaza|Region: West Bank
ps|West Bank and Gaza
pa|Panama|Panamanian
pg|Papua New Guinea|Papua New Guinean
py|Paraguay|Paraguayan
pe|Peru|Peruvian
ph|Philippines|Philippines, The|Filipino|Philippine
pl|Poland|Polish
pt|Portugal|Portuguese
pr|Puerto Rico|Puerto Rican
qa|Qatar|Qatari
re|Reunion|Réunion
ro|Romania|Romanian
ru|Russia|Russian Federation|Russian|Russie
rw|Rwanda|Rwandan
kn|Saint Kitts and Nevis|St. Kitts and Nevis|Kittitian
lc|Saint Lucia|St. Lucia|Saint Lucian
vc|Saint Vincent and the Grenadines|St. Vincent and the Grenadines|Vincentian
ws|Samoa|Samoan
sm|San Marino|Sammarinese
st|Sao Tome and Principe|São Tomé and Príncipe
sa|Saudi Arabia|Saudi|Saudi Arabian
sn|Senegal|Senegalese
rs|Serbia|Serbian
sc|Seychelles|Seychellois
sl|Sierra Leone|Sierra Leonean
sg|Singapore|Singaporean
sx|Sint Maarten
sk|Slovakia|Slovak|Slovak Republic
si|Slovenia|Slovenian|Slovene
sb|Solomon Islands
so|Somalia|Somali
za|South Africa|South African
ss|South Sudan|South Sudanese|Soudan du sud
es|Spain|Spanish
lk|Sri Lanka|Sri Lankan
sd|Sudan|Sudanese
sr|Suriname|Surinamese
se|Sweden|Swedish
ch|Switzerland|Swiss
sy|Syria|Syrian Arab Republic|Syrian|Syrie
tw|Taiwan|Taiwan, Province of China|Republic of China|Taiwanese|Chinese Taipei
tj|Tajikistan|Tajik|Tajikistani
tz|Tanzania|United Republic of Tanzania|Tanzania, United Republic of|Tanzanian
th|Thailand|Thai
tl|Timor-Leste|East Timor|Timorese
tg|Togo|Togolese
to|Tonga|Tongan
tt|Trinidad and Tobago|Trinidadian
tn|Tunisia|Tunisian
tr|Turkey|Türkiye|Turkiye|Turkish
tm|Turkmenistan|Turkmen
tc|Turks and Caicos Islands
tv|Tuvalu
ug|Uganda|Ugandan
ua|Ukraine|Ukrainian
ae|United Arab Emirates|UAE|U.A.E.|Emirati
gb|United Kingdom|UK|U.K.|Great Britain|Britain|British
gb|United Kingdom of Great Britain and Northern Ireland|England|Scotland|Wales|Northern Ireland
us|United States|USA|U.S.A.|US|U.S.|United States of America|American
vi|Virgin Islands, U.S.|U.S. Virgin Islands|United States Virgin Islands
uy|Uruguay|Uruguayan
uz|Uzbekistan|Uzbek|Uzbekistani
vu|Vanuatu|Ni-Vanuatu
ve|Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Venezuelan
vn|Vietnam|Viet Nam|Vietnamese
ye|Yemen|Yemeni
zm|Zambia|Zambian
zw|Zimbabwe|Zimbabwean
"""


def _rows() -> list[tuple[str, list[str]]]:
    rows = []
    for line in _TABLE.strip().splitlines():
        code, *names = line.split("|")
        rows.append((code, names))
    return rows


#: ``(code, [names...])`` in table order; the first name is the English short name.
COUNTRY_ROWS: list[tuple[str, list[str]]] = _rows()
