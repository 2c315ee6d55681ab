"""Given names and surnames written by hand for this set: European cultures.

Every name here is a common real name of its culture, typed from general knowledge, not copied from any name list
or dataset. Surnames written "m/f" have a masculine and a feminine form.
"""

from __future__ import annotations

from bench.heldout2.culture import Culture

EUROPE: tuple[Culture, ...] = (
    Culture(
        "greek",
        "Eleni, Aikaterini, Sofia, Vasiliki, Ioanna, Despina, Anastasia, Theodora, Georgia, Dimitra, Panagiota,"
        " Chrysa, Evangelia, Paraskevi, Athina",
        "Giorgos, Dimitris, Konstantinos, Nikos, Panagiotis, Christos, Stavros, Kostas, Vasilis, Spyros, Thanasis,"
        " Michalis, Apostolos, Evangelos, Yannis",
        "Papadopoulos/Papadopoulou, Georgiou, Nikolaidis/Nikolaidou, Karagiannis/Karagianni, Vlachos/Vlachou,"
        " Pappas/Pappa, Oikonomou, Antoniou, Makris/Makri, Dimitriou, Christodoulou, Papageorgiou,"
        " Ioannidis/Ioannidou, Konstantinou, Alexiou, Angelopoulos/Angelopoulou, Kyriakidis/Kyriakidou",
    ),
    Culture(
        "polish",
        "Agnieszka, Małgorzata, Katarzyna, Joanna, Zofia, Magdalena, Ewa, Justyna, Grażyna, Dorota, Beata,"
        " Aleksandra, Monika, Jadwiga, Urszula",
        "Krzysztof, Paweł, Tomasz, Łukasz, Grzegorz, Wojciech, Michał, Piotr, Jarosław, Bartosz, Mateusz, Marek,"
        " Zbigniew, Przemysław, Jacek",
        "Kowalski/Kowalska, Nowak, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska, Lewandowski/Lewandowska,"
        " Zieliński/Zielińska, Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, Kozłowski/Kozłowska,"
        " Jankowski/Jankowska, Mazur, Krawczyk, Piotrowski/Piotrowska, Grabowski/Grabowska, Pawlak,"
        " Michalski/Michalska",
        fold=0.2,
    ),
    Culture(
        "ukrainian",
        "Olena, Oksana, Iryna, Nataliia, Yuliia, Tetiana, Svitlana, Kateryna, Halyna, Viktoriia, Daryna, Olha,"
        " Liudmyla, Khrystyna, Solomiia",
        "Oleksandr, Andrii, Dmytro, Serhii, Mykola, Taras, Bohdan, Yurii, Vasyl, Ostap, Volodymyr, Oleh, Maksym, Ihor,"
        " Roman",
        "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Oliinyk, Melnyk, Boiko, Moroz, Lysenko, Marchenko,"
        " Savchenko, Rudenko, Petrenko, Kovalchuk, Polishchuk, Hrytsenko, Kovalskyi/Kovalska, Lytvynenko",
    ),
    Culture(
        "romanian",
        "Ioana, Andreea, Alexandra, Raluca, Bianca, Mihaela, Irina, Roxana, Ramona, Oana, Simona, Cristina, Adina,"
        " Corina, Luminița",
        "Andrei, Mihai, Ionuț, Bogdan, Cristian, Florin, Răzvan, Sorin, Vlad, Cătălin, Adrian, Gheorghe, Dragoș,"
        " Ovidiu, Liviu",
        "Popescu, Ionescu, Popa, Stan, Dumitru, Constantinescu, Stoica, Georgescu, Munteanu, Moldovan, Ungureanu,"
        " Dobre, Niculescu, Lungu, Barbu, Mocanu, Rusu, Cazacu",
        fold=0.2,
    ),
    Culture(
        "hungarian",
        "Zsófia, Eszter, Réka, Katalin, Boglárka, Dóra, Ildikó, Erzsébet, Judit, Krisztina, Noémi, Orsolya, Petra,"
        " Anikó, Hajnalka",
        "László, Zoltán, Gábor, Balázs, Attila, Csaba, Levente, Bence, Tamás, Gergely, Zsolt, Ferenc, Miklós, Dániel,"
        " Péter",
        "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, Juhász,"
        " Lakatos, Mészáros, Oláh, Fekete",
        family_first=0.4,
    ),
    Culture(
        "irish",
        "Siobhán, Aoife, Niamh, Saoirse, Caoimhe, Róisín, Clodagh, Gráinne, Orla, Sinéad, Aisling, Ciara, Éabha,"
        " Méabh, Deirbhile",
        "Ciarán, Darragh, Oisín, Cian, Pádraig, Eoin, Seán, Colm, Donal, Tadhg, Fiachra, Ruairí, Cathal, Diarmuid,"
        " Lorcan",
        "O'Sullivan, Ó Súilleabháin/Ní Shúilleabháin, McCarthy, Murphy, Kelly, O'Brien, Walsh, Byrne, Ryan,"
        " O'Connor, Doyle, Kavanagh, Fitzgerald, Gallagher, Quinn, Brennan, Nolan, Ó Ceallaigh/Ní Cheallaigh",
    ),
    Culture(
        "scottish",
        "Isla, Eilidh, Morag, Kirsty, Catriona, Fiona, Ailsa, Shona, Mhairi, Iona, Kirsteen, Seonaid, Rhona, Elspeth,"
        " Marsaili",
        "Hamish, Callum, Angus, Fraser, Euan, Ruaridh, Alasdair, Lachlan, Murdo, Gregor, Struan, Finlay, Ewan,"
        " Torquil, Iain",
        "MacLeod, MacDonald, Campbell, Stewart, Sinclair, Munro, Robertson, MacKenzie, Grant, Ross, Buchanan,"
        " Drummond, Urquhart, Ferguson, MacGregor, Paterson, Cameron, McIntyre",
    ),
    Culture(
        "english",
        "Harriet, Imogen, Poppy, Eleanor, Abigail, Georgina, Philippa, Rosalind, Matilda, Felicity, Hannah, Jessica,"
        " Lucy, Charlotte, Beatrix",
        "Oliver, Rupert, Alfie, Toby, Nigel, Barnaby, George, Harry, Jack, Edward, Giles, Simon, Timothy, Benedict,"
        " Dominic",
        "Whitfield, Ashworth, Pemberton, Hargreaves, Blackwood, Thornton, Cartwright, Holloway, Pickering, Fairclough,"
        " Huxley, Ainsworth, Bradshaw, Marsden, Radcliffe, Sutcliffe, Pennington, Shackleton",
    ),
    Culture(
        "welsh",
        "Cerys, Ffion, Carys, Angharad, Bethan, Sioned, Nia, Rhiannon, Gwenllian, Eirlys, Mali, Lowri, Seren, Tegan,"
        " Heledd",
        "Rhys, Dafydd, Gethin, Iwan, Owain, Emyr, Gareth, Aled, Huw, Llŷr, Bryn, Geraint, Ieuan, Steffan, Tomos",
        "Jones, Williams, Davies, Evans, Thomas, Roberts, Hughes, Lewis, Morgan, Griffiths, Price, Pritchard,"
        " Llewellyn, Vaughan, Powell, Rees, Pugh, Bowen",
    ),
    Culture(
        "dutch",
        "Femke, Sanne, Anouk, Lotte, Marieke, Ilse, Fenna, Maartje, Esther, Lieke, Wilma, Janneke, Mirjam, Floor, Roos",
        "Joost, Bram, Sjoerd, Pieter, Thijs, Ruud, Maarten, Wouter, Jeroen, Daan, Gerrit, Teun, Hidde, Koen, Freek",
        "de Vries, van den Berg, Jansen, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Hendriks,"
        " van Dijk, van der Meer, de Jong, van Leeuwen, van der Linden, Dekker, van 't Hof, Brouwer, ter Horst",
        surname_style="dutch",
    ),
    Culture(
        "flemish",
        "Lies, Griet, Els, Sofie, Liesbeth, Katrien, Ine, Hanne, Evelien, Nele, Leen, Fien, Marthe, Ellen, Jolien",
        "Jef, Wim, Stijn, Bart, Joris, Pieter-Jan, Dries, Tom, Sander, Jasper, Brecht, Lander, Wout, Sven, Jens",
        "Peeters, Janssens, Maes, Claes, Wouters, De Smet, Van den Bossche, Willems, Goossens, Vermeulen, De Backer,"
        " Van Damme, Verstraete, Mertens, Lambrechts, Vandenberghe, Van Acker, De Clercq",
    ),
    Culture(
        "german",
        "Katrin, Anja, Birgit, Sabine, Henrike, Friederike, Wiebke, Jutta, Heike, Svenja, Greta, Annegret, Ute,"
        " Gesine, Dörte, Regula, Verena",
        "Jürgen, Klaus, Dieter, Uwe, Jörg, Tobias, Matthias, Sven, Hartmut, Florian, Volker, Björn, Ralf, Detlef, Ingo,"
        " Urs, Reto",
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer,"
        " Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hartmann, Lange, Vogel, Fuchs,"
        " von Bülow, Gruber, Huber, Pichler, Brunner, Baumgartner, Käser, Zürcher",
        fold=0.05,
    ),
    Culture(
        "french",
        "Amélie, Clémence, Élodie, Margaux, Océane, Solène, Manon, Aurélie, Géraldine, Maëlle, Capucine, Ségolène,"
        " Héloïse, Bérénice, Anaïs",
        "Jean-Baptiste, Grégoire, Benoît, Thibault, Arnaud, Timothée, Mathis, Loïc, Cédric, Quentin, Étienne, Yannick,"
        " Gaëtan, Aurélien, Baptiste",
        "Martin, Bernard, Dubois, Robert, Petit, Durand, Leroy, Moreau, Laurent, Lefebvre, Michel, Bertrand, Roux,"
        " Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Chevalier, Lemaire, Gauthier, Mercier",
    ),
    Culture(
        "spanish",
        "Lucía, Carmen, Pilar, Rocío, Inmaculada, Begoña, Almudena, Nerea, Macarena, Marta, Alba, Remedios,"
        " Encarnación, Paloma, María José",
        "Javier, Álvaro, Sergio, Íñigo, Gonzalo, Alejandro, Borja, Rubén, Ignacio, Jesús, Francisco José,"
        " Miguel Ángel, Fernando, Raúl, Santiago",
        "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz,"
        " Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Torres, Domínguez, Gil, Serrano, Castillo",
        surname_style="double",
    ),
    Culture(
        "catalan",
        "Montserrat, Núria, Mireia, Laia, Meritxell, Roser, Neus, Aina, Queralt, Berta, Gemma, Carla, Ona, Júlia,"
        " Mercè",
        "Jordi, Pere, Joan, Oriol, Pau, Arnau, Marc, Xavier, Jaume, Enric, Josep, Martí, Lluís, Quim, Ferran",
        "Puig, Ferrer, Vila, Soler, Serra, Font, Roca, Pujol, Casals, Vidal, Sala, Riera, Bosch, Mas, Coll, Prats,"
        " Camps, Batlle, Rovira, Sabaté, Grau",
        surname_style="catalan",
    ),
    Culture(
        "galician",
        "Uxía, Antía, Iria, Xiana, Noa, Sabela, Olalla, Maruxa, Icía, Aldara, Lúa, Carme, Rosalía, Xoana, Catuxa",
        "Xoán, Brais, Xabier, Anxo, Iago, Roi, Xurxo, Breixo, Martiño, Antón, Xosé, Uxío, Fins, Bieito, Lois",
        "Castro, Otero, Varela, Barreiro, Couto, Vázquez, Rey, Iglesias, Pazos, Outeiro, Seoane, Fraga, Regueiro,"
        " Carballo, Souto, Piñeiro, Teixeira, Bouzas, Lamas, Sanmartín",
        surname_style="double",
    ),
    Culture(
        "italian",
        "Giulia, Chiara, Francesca, Alessandra, Federica, Martina, Ilaria, Beatrice, Serena, Valentina, Giorgia,"
        " Benedetta, Rosaria, Concetta, Ludovica",
        "Giuseppe, Giovanni, Lorenzo, Matteo, Andrea, Alessandro, Davide, Simone, Luca, Stefano, Gianluca, Massimo,"
        " Nicola, Salvatore, Pierpaolo",
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti,"
        " De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Caruso, D'Angelo,"
        " Lo Presti",
    ),
    Culture(
        "portuguese",
        "Beatriz, Mariana, Inês, Joana, Francisca, Leonor, Larissa, Thaís, Gabriela, Fernanda, Conceição, Ana Luísa,"
        " Maria Eduarda, Rafaela, Letícia",
        "João, Gonçalo, Tiago, Rodrigo, Thiago, Luiz, Caio, Vinícius, Rafael, João Pedro, Diogo, Henrique, Márcio,"
        " Sebastião, Fábio",
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, Gonçalves, Carvalho,"
        " Almeida, Ribeiro, Lopes, Nascimento, Araújo, Cardoso, da Silva, dos Santos",
        surname_style="portuguese",
    ),
)
